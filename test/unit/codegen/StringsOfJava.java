// Parses Java files with the JDK's compiler front end and prints, per file, a line "FILE <path>", then every
// syntax error as "ERROR <line>: <message>" and every string literal's UTF-16 units as hex (literals.test.ts).
// Usage: java StringsOfJava.java FILE...
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public final class StringsOfJava {
    public static void main(String[] args) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringBuilder out = new StringBuilder();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null, files.getJavaFileObjects(args));
            for (CompilationUnitTree unit : task.parse()) {
                out.append("FILE ").append(unit.getSourceFile().getName()).append('\n');
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitLiteral(LiteralTree literal, Void unused) {
                        if (literal.getValue() instanceof String) {
                            String value = (String) literal.getValue();
                            StringBuilder units = new StringBuilder("STRING");
                            for (int i = 0; i < value.length(); i++) units.append(' ').append(String.format("%04x", (int) value.charAt(i)));
                            out.append(units).append('\n');
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) out.append("ERROR ").append(d.getSource().getName()).append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
        }
        System.out.print(out);
    }
}
