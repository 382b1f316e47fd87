// Runs generated Java signing programs (class Sign, each given a package of its own by the test) over the
// conformance corpus in one JVM (conformance.test.ts).
// args: now (epoch seconds), lifetime (seconds); stdin: lines "<package> <url|cookies|streamCookies> <base64 UTF-8 entry>";
// stdout: lines "<package> <base64 UTF-8 answer>" (the signed URL, the Cookie header value, or "ERROR message").
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

public final class Driver {
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(args[0])), ZoneOffset.UTC);
        long lifetime = Long.parseLong(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] fields = line.split(" ", 3);
            Class<?> sign = Class.forName(fields[0] + ".Sign");
            java.lang.reflect.Field field = sign.getDeclaredField("clock");
            field.setAccessible(true); // package-private in the generated class
            field.set(null, clock);
            Method method = sign.getMethod(fields[1].equals("url") ? "signUrl" : "signCookies", String.class, long.class);
            String target = new String(Base64.getDecoder().decode(fields[2]), StandardCharsets.UTF_8);
            if (fields[1].equals("streamCookies")) target = (String) sign.getMethod("streamResource", String.class).invoke(null, target); // a playlist's URL: its folder
            String answer;
            try {
                answer = (String) method.invoke(null, target, lifetime);
            } catch (InvocationTargetException error) {
                answer = "ERROR " + error.getCause().getMessage();
            }
            out.append(fields[0]).append(' ').append(Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        System.out.print(out);
    }
}
