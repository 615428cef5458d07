// The typed API catches mistakes at compile time: each line after a `// mistake:` comment in
// test/types/run-mistakes.ts is a compile error of its own (checked with its @ts-expect-error
// removed), and test/types/run-correct.ts compiles without one.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../connector/paths.js';

const mistakesFile = join(packageRoot, 'test', 'types', 'run-mistakes.ts');
const correctFile = join(packageRoot, 'test', 'types', 'run-correct.ts');

const mistakesSource = readFileSync(mistakesFile, 'utf8');
const withoutExpectations = mistakesSource.replace(/^\s*\/\/ @ts-expect-error\s*$/gm, '');

const { config } = ts.readConfigFile(join(packageRoot, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, packageRoot);
const host = ts.createCompilerHost({ ...options, noEmit: true });
const readFile = host.readFile.bind(host);
host.readFile = (path) => (path === mistakesFile ? withoutExpectations : readFile(path));
const program = ts.createProgram([mistakesFile, correctFile], { ...options, noEmit: true }, host);

const errorsIn = (file: string): Array<{ line: number; message: string }> =>
  ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => ({
    line: diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  }));

/** The mistakes: their description and the line of the statement after it (in the file as compiled). */
const mistakes = withoutExpectations
  .split('\n')
  .flatMap((text, index, lines) => {
    const match = /^\s*\/\/ mistake: (.*)$/.exec(text);
    if (!match) return [];
    const statement = lines.findIndex((line, at) => at > index && line.trim() && !line.trim().startsWith('//'));
    return [{ mistake: match[1], line: statement + 1 }];
  });

const mistakeErrors = errorsIn(mistakesFile);

test('the mistakes file lists every mistake of the issue', () => {
  expect(mistakes.length).toBeGreaterThanOrEqual(8);
});

test.each(mistakes)('$mistake fails to compile', ({ line }) => {
  expect(mistakeErrors.filter((error) => error.line === line)).not.toEqual([]);
});

test('nothing but the mistakes fails to compile', () => {
  const mistakeLines = new Set(mistakes.map(({ line }) => line));
  expect(mistakeErrors.filter((error) => !mistakeLines.has(error.line))).toEqual([]);
});

test('correct calls compile, with typed outputs', () => {
  expect(errorsIn(correctFile)).toEqual([]);
});

test('the generated types declare each shared resource once, and the operations reference it', () => {
  const generated = readFileSync(join(packageRoot, 'connector', 'types.generated.ts'), 'utf8');
  const declared = (name: string) => generated.match(new RegExp(`^export (interface|type) ${name}\\b`, 'gm'))?.length ?? 0;
  for (const name of ['Person', 'Account', 'Cadence', 'User', 'ListMetadata', 'RecordId', 'TimeRange', 'CustomFields', 'DdlResult']) expect([name, declared(name)]).toEqual([name, 1]);
  expect(generated).toMatch(/export interface GetPersonOutput \{\ndata: Person\n/);
  expect(generated).toMatch(/export interface ListPeopleOutput \{\nmetadata\?: ListMetadata\ndata: Person\[\]\n/);
});
