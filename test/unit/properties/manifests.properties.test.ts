import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cargoTomlDependencies } from '../../../server/src/core/rules/manifests/cargoToml.js';
import type { DeclaredDependency } from '../../../server/src/core/rules/manifests/declaredDependency.js';
import { goModDependencies } from '../../../server/src/core/rules/manifests/goMod.js';
import { manifestDependencies } from '../../../server/src/core/rules/manifests/manifestDependencies.js';
import { packageJsonDependencies } from '../../../server/src/core/rules/manifests/packageJson.js';
import { pyprojectDependencies } from '../../../server/src/core/rules/manifests/pyprojectToml.js';
import { requirementsTxtDependencies } from '../../../server/src/core/rules/manifests/requirementsTxt.js';
import { msbuildDependencies, pomXmlDependencies } from '../../../server/src/core/rules/manifests/xmlManifests.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/**
 * Each manifest reader, called directly (manifestDependencies would turn a crash into "no
 * dependencies"), with the fragments its format is made of.
 */
const manifests: { file: string; read: (text: string) => DeclaredDependency[]; fragments: string[] }[] = [
  { file: 'package.json', read: packageJsonDependencies, fragments: ['{', '}', '"dependencies": {', '"devDependencies": {', '"lodash": "^4"', '"@scope/pkg": "1"', ',', ':', '"', '[', ']', '"peerDependencies": {"react": "*"}', '\\u0041', 'null'] },
  { file: 'pyproject.toml', read: pyprojectDependencies, fragments: ['[project]\n', 'dependencies = [\n', '"requests>=2",\n', '"Django[bcrypt]; python_version<\'3.9\'",\n', ']\n', '[tool.poetry.dependencies]\n', 'flask = "^2"\n', "'''", '"""', '# c\n', '[project.optional-dependencies]\n', 'dev = ["pytest"]\n', '=', '"'] },
  { file: 'go.mod', read: goModDependencies, fragments: ['module x\n', 'require github.com/a/b v1.0.0\n', 'require (\n', '\tgolang.org/x/text v0.3.0 // indirect\n', ')\n', 'replace a => b\n', '//', '"', '\n'] },
  { file: 'Cargo.toml', read: cargoTomlDependencies, fragments: ['[dependencies]\n', 'serde = "1"\n', 'tokio = { version = "1", features = ["full"] }\n', '[dev-dependencies]\n', 'my-name = { package = "real", version = "1" }\n', "[target.'cfg(unix)'.dependencies]\n", 'libc = "0.2"\n', '[workspace.dependencies]\n', '[dependencies.x]\n', 'version = "1"\n', '#', '"', '{', '\n'] },
  { file: 'pom.xml', read: pomXmlDependencies, fragments: ['<project>', '<dependencies>', '<dependency>', '<groupId>org.x</groupId>', '<artifactId>core</artifactId>', '</dependency>', '</dependencies>', '<!--', '-->', '<![CDATA[', ']]>', '<version>1</version>', '<', '>', '\n'] },
  { file: 'a.csproj', read: msbuildDependencies, fragments: ['<Project>', '<ItemGroup>', '<PackageReference Include="Newtonsoft.Json" Version="13" />', "<PackageVersion Include='x' />", '<PackageReference Update="y"/>', '</ItemGroup>', '<!--', '-->', '"', '\n'] },
  { file: 'requirements.txt', read: requirementsTxtDependencies, fragments: ['requests==2.0\n', '-r other.txt\n', 'django[argon2]>=4 ; python_version > "3"\n', '# comment\n', 'git+https://x/y.git#egg=z\n', '\\\n', '-e .\n', 'Flask\n', ' ', '\n'] },
];

const manifest = fc.constantFrom(...manifests).chain((m) =>
  fc
    .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...m.fragments) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 25 })
    .map((parts) => ({ m, text: parts.join('') })),
);
/** package.json also as real JSON, so the reader gets past JSON.parse. */
const packageJson = fc
  .record({
    dependencies: fc.dictionary(fc.constantFrom('lodash', 'react', '@a/b', '', '__proto__'), fc.oneof(fc.constant('^1'), fc.integer(), fc.constant(null))),
    devDependencies: fc.oneof(fc.constant([]), fc.dictionary(fc.string({ maxLength: 4 }), fc.constant('1'))),
  }, { requiredKeys: [] })
  .map((o) => ({ m: manifests[0], text: JSON.stringify(o, null, 2) }));

describe('manifests on generated input', () => {
  it('never throw, and every dependency lies inside the text', () => {
    checkProperty('manifests', [fc.oneof({ weight: 6, arbitrary: manifest }, { weight: 1, arbitrary: packageJson })], ({ m, text }) => {
      const deps = m.read(text);
      for (const d of deps) {
        assertRangeInside(text, d.range, `dependency ${JSON.stringify(d.name)}`);
        assert.ok(d.name.length > 0, 'a dependency has a name');
        assert.ok(Array.isArray(d.aliases));
      }
      assert.deepEqual(manifestDependencies(m.file, text)?.dependencies, deps, 'the dispatcher routes to the same reader');
      return { 'a dependency': deps.length > 0 };
    }, { numRuns: 800, minimumFractions: { 'a dependency': 0.3 } });
  });
});
