// The literal writers of generated code (src/codegen/signing/literals.ts), proven by the languages
// themselves: thousands of values (any UTF-16, lone surrogates, control characters, BOM, U+2028, every
// quote and comment opener, */, """, \u escapes, PEP 263 declarations) are written as literals, each
// after a comment line holding the value, into one file per language; the language compiles and runs
// that file once and prints what it read back, which must be every value unchanged (or, for Go, the
// value refused with a message naming the input when it holds a lone surrogate). The POSIX shell words
// go through bash the same way, and a generated program's Run: line is run by bash as pasted.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import ts from 'typescript';
import { CodegenInputError, generateSigningCode, type KeySource, type SigningLanguage } from '../../../src/codegen/signing';
import { commentLine, commentValue, shellWord, stringLiteral, type LiteralLanguage } from '../../../src/codegen/signing/literals';
import { decodeCloudFrontBase64, normalizeViewerUrl } from '../../../src/signing';
import { TEST_KEYS } from '../signing/helpers';

const run = promisify(execFile);
const PINNED_NODE = resolve('node_modules/.bin/node');
const RUNS = 3000;
const SEED = Number(process.env.CFPC_FC_SEED ?? 22);

/** What breaks literals and comments in one language or another. */
const TRICKY = [
  '"',
  "'",
  '`',
  '\\',
  '\\u0022',
  '\\u000a',
  '\\x41',
  '\\N{BULLET}',
  '${x}',
  '#{x}',
  '{0}',
  '%s',
  '*/',
  '/*',
  '//',
  '#',
  '"""',
  "'''",
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u202e',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '-*- coding: latin-1 -*-',
  'coding=utf-7',
  '# vim: set fileencoding=utf-16 :',
  '$(touch pwned)',
  '"); os.system("id',
  '\\',
  '??/',
];

/** Any UTF-16 text, weighted toward the tricky pieces. */
const anyText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

const VALUES = ['', ...TRICKY, TRICKY.join(''), ...fc.sample(anyText, { numRuns: RUNS, seed: SEED })];
const hasLoneSurrogate = (value: string) => /[\uD800-\uDFFF]/u.test(value);

function available(tool: string, args: string[]): boolean {
  return !spawnSync(tool, args, { stdio: 'ignore' }).error;
}

/** Each value as a comment line and then a literal, as the generated files write them. */
function entries(language: LiteralLanguage, prefix: '#' | '//', values: readonly string[], indent: string): string {
  return values.map((value, index) => `${indent}${commentLine(prefix, `value ${index}: ${commentValue(language, value)}`)}\n${indent}${stringLiteral(language, value, `value ${index}`)},`).join('\n');
}

/** UTF-16 code units of each value, as hex: how every program below answers. */
const unitsOf = (value: string) => Array.from({ length: value.length }, (_, index) => value.charCodeAt(index).toString(16).padStart(4, '0')).join(' ');
const utf8Of = (value: string) => Buffer.from(value, 'utf8').toString('hex');

function assertReadBack(language: string, values: readonly string[], answered: string[], encode: (value: string) => string): void {
  assert.equal(answered.length, values.length, `${language}: one answer per value (a comment or literal that broke out changes the count)`);
  const wrong = values.map((value, index) => ({ value, index })).filter(({ value, index }) => encode(value) !== answered[index]);
  assert.deepEqual(
    wrong.slice(0, 5).map(({ value, index }) => `#${index} ${JSON.stringify(value)} read back as ${answered[index]}`),
    [],
    `${language}: values read back changed (seed ${SEED})`,
  );
}

describe('literal writers: every value reaches generated code unchanged, proven by each language', function () {
  this.timeout(180_000);
  let scratch: string;
  before(() => {
    mkdirSync(resolve('test-output'), { recursive: true });
    scratch = mkdtempSync(resolve('test-output', 'literals-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it(`Python: ${VALUES.length} literals and comment lines after the coding line, read back by python3`, async () => {
    const file = join(scratch, 'values.py');
    writeFileSync(
      file,
      `# -*- coding: utf-8 -*-\n${commentLine('#', commentValue('python', 'coding: latin-1'))}\nimport sys\nVALUES = [\n${entries('python', '#', VALUES, '    ')}\n]\n` +
        `for value in VALUES:\n    sys.stdout.write(" ".join("%04x" % unit for unit in __import__("struct").unpack("<%dH" % (len(value.encode("utf-16-le", "surrogatepass")) // 2), value.encode("utf-16-le", "surrogatepass"))) + "\\n")\n`,
    );
    const { stdout } = await run('python3', [file], { maxBuffer: 64 * 1024 * 1024 });
    assertReadBack('python', VALUES, stdout.split('\n').slice(0, -1), unitsOf);
  });

  for (const language of ['javascript', 'typescript'] as const) {
    it(`${language}: ${VALUES.length} literals and comment lines, read back by Node`, async () => {
      const file = join(scratch, language === 'javascript' ? 'values.mjs' : 'values.mts');
      const annotation = language === 'typescript' ? ': string[]' : '';
      writeFileSync(
        file,
        `const VALUES${annotation} = [\n${entries(language, '//', VALUES, '  ')}\n];\n` +
          "for (const value of VALUES) console.log(Array.from({ length: value.length }, (_, i) => value.charCodeAt(i).toString(16).padStart(4, '0')).join(' '));\n",
      );
      const { stdout } = await run(language === 'typescript' ? PINNED_NODE : process.execPath, [file], { maxBuffer: 64 * 1024 * 1024 });
      assertReadBack(language, VALUES, stdout.split('\n').slice(0, -1), unitsOf);
    });
  }

  it(`Go: ${VALUES.length} values: lone surrogates refused naming the input, every other one read back (gofmt, go vet, go run)`, async function () {
    if (!available('go', ['version'])) {
      console.warn('SKIPPED: go is not on this machine');
      this.skip();
    }
    const writable = VALUES.filter((value) => !hasLoneSurrogate(value));
    for (const value of VALUES.filter(hasLoneSurrogate)) {
      assert.throws(
        () => stringLiteral('go', value, 'keySource.secretId'),
        (error: unknown) => error instanceof CodegenInputError && error.input === 'keySource.secretId' && /lone UTF-16 surrogate/.test(error.message),
      );
    }
    const folder = join(scratch, 'go');
    mkdirSync(folder);
    const file = join(folder, 'values.go');
    writeFileSync(
      file,
      `package main\n\nimport (\n\t"encoding/hex"\n\t"fmt"\n)\n\nvar values = []string{\n${entries('go', '//', writable, '\t')}\n}\n\nfunc main() {\n\tfor _, value := range values {\n\t\tfmt.Println(hex.EncodeToString([]byte(value)))\n\t}\n}\n`,
    );
    const env = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' };
    const formatted = spawnSync('gofmt', ['-d', '-e', file], { encoding: 'utf8' });
    assert.equal(`${formatted.stdout}${formatted.stderr}`.trim(), '', 'gofmt: the file does not parse or is not formatted');
    await run('go', ['vet', file], { cwd: folder, env });
    const { stdout } = await run('go', ['run', file], { cwd: folder, env, maxBuffer: 64 * 1024 * 1024 });
    assertReadBack('go', writable, stdout.split('\n').slice(0, -1), utf8Of);
  });

  it(`Java: ${VALUES.length} literals and comment lines (\\u escapes in comments too), read back by javac and the JVM`, async function () {
    if (!available('java', ['-version'])) {
      console.warn('SKIPPED: java is not on this machine');
      this.skip();
    }
    const folder = join(scratch, 'java');
    mkdirSync(folder);
    const file = join(folder, 'Values.java');
    writeFileSync(
      file,
      `public final class Values {\n    static final String[] VALUES = {\n${entries('java', '//', VALUES, '        ')}\n    };\n\n` +
        '    public static void main(String[] args) {\n        StringBuilder out = new StringBuilder();\n        for (String value : VALUES) {\n' +
        '            for (int i = 0; i < value.length(); i++) out.append(i > 0 ? " " : "").append(String.format("%04x", (int) value.charAt(i)));\n' +
        '            out.append("\\n");\n        }\n        System.out.print(out);\n    }\n}\n',
    );
    // A C locale: javac reads the source as ASCII, as on a server with no UTF-8 locale.
    const { stdout } = await run('java', ['-Dfile.encoding=US-ASCII', file], { cwd: folder, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
    assertReadBack('java', VALUES, stdout.split('\n').slice(0, -1), unitsOf);
  });

  it(`C#: ${VALUES.length} literals and comment lines, read back by mcs and Mono`, async function () {
    if (!available('mcs', ['--version']) || !available('mono', ['--version'])) {
      console.warn('SKIPPED: mcs or mono is not on this machine');
      this.skip();
    }
    const folder = join(scratch, 'csharp');
    mkdirSync(folder);
    const file = join(folder, 'Values.cs');
    writeFileSync(
      file,
      `public static class Values\n{\n    static readonly string[] All =\n    {\n${entries('csharp', '//', VALUES, '        ')}\n    };\n\n` +
        '    public static void Main()\n    {\n        var output = new System.Text.StringBuilder();\n        foreach (var value in All)\n        {\n' +
        '            for (var i = 0; i < value.Length; i++) output.Append(i > 0 ? " " : "").Append(((int)value[i]).ToString("x4"));\n' +
        '            output.Append("\\n");\n        }\n        System.Console.Out.Write(output.ToString());\n    }\n}\n',
    );
    await run('mcs', ['-out:' + join(folder, 'Values.exe'), file], { cwd: folder });
    const { stdout } = await run('mono', [join(folder, 'Values.exe')], { cwd: folder, maxBuffer: 64 * 1024 * 1024 });
    assertReadBack('csharp', VALUES, stdout.split('\n').slice(0, -1), unitsOf);
  });

  it(`POSIX shell words: ${VALUES.length} values, read back by bash as single arguments, or refused naming the input`, async () => {
    const words: string[] = [];
    const printable = VALUES.filter((value) => /^[\u0020-\u007e]*$/.test(value));
    for (const value of VALUES) {
      if (printable.includes(value)) words.push(shellWord(value, 'example'));
      else
        assert.throws(
          () => shellWord(value, 'example'),
          (error: unknown) => error instanceof CodegenInputError && error.input === 'example',
        );
    }
    const { stdout } = await run('bash', ['-c', `printf '%s\\0' ${words.join(' ')}`], { cwd: scratch, maxBuffer: 64 * 1024 * 1024 });
    assert.deepEqual(stdout.split('\0').slice(0, -1), printable);
    assert.ok(!existsSync(join(scratch, 'pwned')), '$(touch pwned) ran');
  });

  it('a generated program with hostile values everywhere still compiles, starts with its coding line, and holds each value', async () => {
    const hostile = VALUES.filter((value) => value !== '').slice(0, 400);
    const files = hostile.map((value, index) => {
      const file = join(scratch, `hostile_${index}.py`);
      const code = generateSigningCode({
        publicKeyId: value,
        algorithm: 'RSA_2048',
        language: 'python',
        kind: index % 2 === 0 ? 'url' : 'cookies',
        keySource: index % 3 === 0 ? { kind: 'secretsManager', secretId: value } : index % 3 === 1 ? { kind: 'file', path: value } : { kind: 'kms', keyId: value },
      }).code;
      assert.ok(code.startsWith('# -*- coding: utf-8 -*-\n'), 'the first line is the coding declaration');
      writeFileSync(file, code);
      return file;
    });
    // One python3: each file compiles, and its string constants include the value (as KEY_PAIR_ID and the key source).
    const checker = [
      'import ast, json, sys',
      'values = json.loads(sys.stdin.read())',
      'for path, value in zip(sys.argv[1:], values):',
      '    tree = ast.parse(open(path, "rb").read(), path)',
      '    constants = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]',
      '    if constants.count(value) < 2:',
      '        print("missing", path, repr(value))',
    ].join('\n');
    // python3 may be a shell shim (pyenv): under the unit runs' LC_ALL (de_DE.UTF-8, perhaps not installed)
    // bash warns on stderr, which this test reads; C.UTF-8 is always there.
    const child = execFile('python3', ['-c', checker, ...files], { env: { ...process.env, LC_ALL: 'C.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });
    child.stdin?.end(JSON.stringify(hostile));
    const output: string[] = [];
    child.stdout?.on('data', (chunk: string) => output.push(chunk));
    child.stderr?.on('data', (chunk: string) => output.push(chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(output.join(''), '');
    assert.equal(code, 0);
  });

  it('hostile values in whole generated files of every other language: each parses and holds each value', async function () {
    const hostile = VALUES.filter((value) => value !== '').slice(0, 120);
    const sources = (value: string, index: number): KeySource =>
      [
        { kind: 'secretsManager', secretId: value },
        { kind: 'file', path: value },
        { kind: 'kms', keyId: value },
        { kind: 'ssm', parameterName: value },
      ][index % 4] as KeySource;
    const write = (language: SigningLanguage, value: string, index: number): string | undefined => {
      const options = { publicKeyId: value, algorithm: index % 3 === 0 ? 'ECDSA_P256' : 'RSA_2048', language, kind: index % 2 === 0 ? 'url' : 'cookies', keySource: sources(value, index) } as const;
      if (language === 'go' && hasLoneSurrogate(value)) {
        assert.throws(
          () => generateSigningCode(options),
          (error: unknown) => error instanceof CodegenInputError && /^(publicKeyId|keySource\.)/.test(error.input),
        );
        return undefined;
      }
      const generated = generateSigningCode(options);
      const folder = join(scratch, `whole-${language}-${index}`);
      mkdirSync(folder);
      const file = join(folder, generated.fileName);
      writeFileSync(file, generated.code);
      return file;
    };
    /** Each file's string literals (as the language's own parser reads them) hold the value at least twice: key id and key source. */
    const assertHeld = (language: string, files: Array<{ file: string; value: string }>, stringsOf: Map<string, string[]>, encode: (value: string) => string) => {
      for (const { file, value } of files) {
        const strings = stringsOf.get(file);
        assert.ok(strings, `${language}: ${file} was not read`);
        assert.ok(strings.filter((text) => text === encode(value)).length >= 2, `${language}: ${JSON.stringify(value)} is not in ${file} as written`);
      }
    };
    const parseAnswer = (output: string): Map<string, string[]> => {
      const answer = new Map<string, string[]>();
      let current: string[] = [];
      for (const line of output.split('\n')) {
        if (line.startsWith('FILE ')) answer.set(line.slice(5), (current = []));
        else if (line.startsWith('ERROR')) assert.fail(line);
        else if (line.startsWith('STRING')) current.push(line.slice(7));
      }
      return answer;
    };

    // JavaScript and TypeScript: TypeScript's own parser (no syntax error) and its string literals.
    for (const language of ['javascript', 'typescript'] as const) {
      for (const [index, value] of hostile.entries()) {
        const file = write(language, value, index) ?? assert.fail('written');
        const text = readFileSync(file, 'utf8');
        const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, language === 'typescript' ? ts.ScriptKind.TS : ts.ScriptKind.JS);
        const syntax = ts.transpileModule(text, { reportDiagnostics: true, fileName: file }).diagnostics ?? [];
        assert.deepEqual(
          syntax.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
          [],
          `${language}: ${file}`,
        );
        const strings: string[] = [];
        const visit = (node: ts.Node): void => {
          if (ts.isStringLiteral(node)) strings.push(node.text);
          ts.forEachChild(node, visit);
        };
        visit(source);
        assertHeld(language, [{ file, value }], new Map([[file, strings]]), (literal) => literal);
      }
    }

    if (available('go', ['version'])) {
      const files = hostile.map((value, index) => ({ value, file: write('go', value, index) })).filter((entry): entry is { value: string; file: string } => entry.file !== undefined);
      const env = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' };
      const { stdout } = await run('go', ['run', resolve('test/unit/codegen/strings_of_go.go'), '--', ...files.map((entry) => entry.file)], { cwd: scratch, env, maxBuffer: 64 * 1024 * 1024 });
      assertHeld('go', files, parseAnswer(stdout), utf8Of);
      const formatted = spawnSync('gofmt', ['-l', ...files.map((entry) => entry.file)], { encoding: 'utf8' });
      assert.equal(`${formatted.stdout}${formatted.stderr}`.trim(), '', 'gofmt: generated Go files not formatted');
    } else console.warn('SKIPPED (Go part): go is not on this machine');

    if (available('java', ['-version'])) {
      const files = hostile.map((value, index) => ({ value, file: write('java', value, index) ?? assert.fail('written') }));
      const { stdout } = await run('java', [resolve('test/unit/codegen/StringsOfJava.java'), ...files.map((entry) => entry.file)], {
        cwd: scratch,
        env: { ...process.env, LC_ALL: 'C' },
        maxBuffer: 64 * 1024 * 1024,
      });
      assertHeld('java', files, parseAnswer(stdout), unitsOf);
    } else console.warn('SKIPPED (Java part): java is not on this machine');

    if (available('mcs', ['--version'])) {
      // mcs parses them all in one run (no reading back: C#'s writer is JavaScript's, read back above).
      const files = hostile.map((value, index) => write('csharp', value, index) ?? assert.fail('written'));
      const parsed = spawnSync('mcs', ['--parse', ...files], { encoding: 'utf8' });
      // Each file defines CloudFrontSigning.Signer, so one run reports the repeats (CS0101); any other error is a finding.
      const errors = `${parsed.stdout}${parsed.stderr}`.split('\n').filter((line) => /error CS\d+/.test(line) && !line.includes('error CS0101'));
      assert.deepEqual(errors, []);
      assert.ok(parsed.stdout.includes(`${files.length - 1} error(s)`), `mcs parsed every file: ${parsed.stdout.slice(-200)}`);
    } else console.warn('SKIPPED (C# part): mcs is not on this machine');
  });

  it('the Run: line, pasted into bash, signs the example and runs none of its $(...), backticks or quotes', async () => {
    const example = "https://d111111abcdef8.cloudfront.net/$(touch pwned-path)/it's/`touch pwned-tick`;touch pwned-semi?q=$(touch pwned-query)&x='y'";
    const generated = generateSigningCode({ publicKeyId: 'K2JCJMDEHXQW5F', algorithm: 'RSA_2048', language: 'python', kind: 'url', keySource: { kind: 'env', variable: 'CFPC_KEY' }, example });
    const runLine = /^# Run: (.*)$/m.exec(generated.code)?.[1];
    assert.equal(runLine, generated.run);
    assert.ok(runLine);
    const folder = join(scratch, 'run-line');
    mkdirSync(folder);
    writeFileSync(join(folder, 'sign.py'), generated.code);
    const { stdout } = await run('bash', ['-c', runLine], { cwd: folder, env: { PATH: process.env.PATH, HOME: folder, CFPC_KEY: TEST_KEYS.rsa2048.privatePem, PYTHONWARNINGS: 'ignore' } });
    for (const name of ['pwned-path', 'pwned-tick', 'pwned-semi', 'pwned-query']) assert.ok(!existsSync(join(folder, name)), `${name} was created: the line ran code`);
    const signed = stdout.trim();
    const browserForm = normalizeViewerUrl(example);
    assert.ok(signed.startsWith(`${browserForm}&Expires=`), `signed ${signed}`);
    const match = /&Expires=(\d+)&Signature=([^&]+)&Key-Pair-Id=K2JCJMDEHXQW5F&Hash-Algorithm=SHA256$/.exec(signed);
    assert.ok(match);
    const policy = JSON.stringify({ Statement: [{ Resource: browserForm, Condition: { DateLessThan: { 'AWS:EpochTime': Number(match[1]) } } }] });
    assert.ok(verify('sha256', Buffer.from(policy), createPublicKey(TEST_KEYS.rsa2048.privatePem), decodeCloudFrontBase64(match[2]) ?? Buffer.alloc(0)));
  });
});
