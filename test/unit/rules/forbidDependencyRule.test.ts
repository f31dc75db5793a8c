import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pyprojectDependencies } from '../../../server/src/core/rules/manifests/pyprojectToml.js';
import { check } from './checkRules.js';

const noLodash = { id: 'ADR-0009', title: 'No lodash', rules: '- forbid-dependency: [lodash, "@angular/*", PyYAML, github.com/pkg/errors, serde_json, hibernate-core, "org.apache.commons:*", Newtonsoft.Json, requests]' };

describe('forbid-dependency', () => {
  it('reads package.json dependency sections and ignores other keys', () => {
    const { findings } = check({
      decisions: [noLodash],
      files: {
        'package.json': `{
  "name": "lodash",
  "scripts": { "lodash": "echo" },
  "dependencies": { "⟦lodash⟧": "^4.17.21", "react": "^18" },
  "devDependencies": {
    "⟦@angular/core⟧": "17",
    "lodash-es": "4"
  },
  "peerDependencies": { "⟦lodash⟧": "*" },
  "optionalDependencies": { "⟦lodash⟧": "*" },
  "overrides": { "lodash": "4" }
}`,
      },
    });
    assert.equal(findings[0].code, 'forbid-dependency');
    assert.equal(findings[0].message, 'Dependency `lodash` is forbidden by ADR-0009 (No lodash).');
    assert.equal(findings[1].message, 'Dependency `@angular/core` (matches `@angular/*`) is forbidden by ADR-0009 (No lodash).');
  });

  it('reads requirements files, comparing names the way PyPI does', () => {
    check({
      decisions: [noLodash],
      files: {
        'requirements.txt': `# requests is forbidden
⟦requests⟧[socks]>=2.31 ; python_version >= "3.8"
⟦pyyaml⟧==6.0
-r requirements-dev.txt
--hash=sha256:abc
git+https://github.com/psf/requests#egg=requests
flask`,
        'requirements/dev.txt': '⟦Requests⟧',
        'docs/requirements-notes.md': 'requests',
      },
    });
  });

  it('reads pyproject.toml [project] dependencies and Poetry tables', () => {
    check({
      decisions: [noLodash],
      files: {
        'pyproject.toml': `[project]
name = "requests"
dependencies = [
  "⟦requests⟧>=2",  # comment with "requests"
  "flask[async]",
]

[project.optional-dependencies]
yaml = ["⟦PyYAML⟧"]

[tool.poetry.dependencies]
python = "^3.11"
⟦requests⟧ = "^2"

[tool.poetry.group.dev.dependencies]
"⟦pyYAML⟧" = "*"

[tool.black]
requests = 1`,
      },
    });
  });

  it('reads go.mod require directives, single and block', () => {
    check({
      decisions: [noLodash],
      files: {
        'go.mod': `module example.com/app

go 1.22

require ⟦github.com/pkg/errors⟧ v0.9.1

require (
	github.com/stretchr/testify v1.9.0
	⟦github.com/pkg/errors/sub⟧ v0.1.0 // indirect
)

replace github.com/pkg/errors => ../errors`,
      },
    });
  });

  it('reads Cargo.toml dependency tables in their inline and table forms', () => {
    check({
      decisions: [noLodash],
      files: {
        'Cargo.toml': `[package]
name = "serde_json"

[dependencies]
⟦serde_json⟧ = "1"
serde = { version = "1", features = ["derive"] }
⟦json⟧ = { package = "serde_json", version = "1" }

[dev-dependencies.⟦serde-json⟧]
version = "1"

[target.'cfg(unix)'.build-dependencies]
⟦serde_json⟧ = "1"`,
      },
    });
  });

  it('reads pom.xml dependencies by artifactId or groupId:artifactId, skipping exclusions and comments', () => {
    const { findings } = check({
      decisions: [noLodash],
      files: {
        'pom.xml': `<project>
  <artifactId>hibernate-core</artifactId>
  <dependencies>
    <dependency>
      <groupId>org.hibernate</groupId>
      <artifactId>⟦hibernate-core⟧</artifactId>
    </dependency>
    <dependency>
      <groupId>org.apache.commons</groupId>
      <artifactId>⟦commons-lang3⟧</artifactId>
    </dependency>
    <dependency>
      <groupId>com.acme</groupId>
      <artifactId>acme</artifactId>
      <exclusions><exclusion><groupId>org.hibernate</groupId><artifactId>hibernate-core</artifactId></exclusion></exclusions>
    </dependency>
    <!-- <dependency><groupId>x</groupId><artifactId>hibernate-core</artifactId></dependency> -->
  </dependencies>
</project>`,
      },
    });
    assert.equal(findings[1].data?.target, 'org.apache.commons:*');
  });

  it('reads PackageReference items of .NET projects, ignoring case', () => {
    check({
      decisions: [noLodash],
      files: {
        'src/App/App.csproj': `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="⟦newtonsoft.json⟧" Version="13.0.1" />
    <PackageReference Include="Serilog" Version="3" />
    <!-- <PackageReference Include="Newtonsoft.Json" /> -->
  </ItemGroup>
</Project>`,
      },
    });
  });

  it('scopes manifests by files/except, and by the files an applies-to manifest serves', () => {
    check({
      decisions: [
        { id: 'ADR-0030', appliesTo: ['services/api/src/**'], rules: '- forbid-dependency: lodash' },
        { id: 'ADR-0031', rules: '- forbid-dependency: react\n  files: ["apps/**"]\n  except: apps/legacy/**' },
      ],
      files: {
        'package.json': '{ "dependencies": { "⟦lodash⟧": "4", "react": "18" } }',
        'services/api/package.json': '{ "dependencies": { "⟦lodash⟧": "4" } }',
        'services/web/package.json': '{ "dependencies": { "lodash": "4" } }',
        'apps/site/package.json': '{ "dependencies": { "⟦react⟧": "18" } }',
        'apps/legacy/package.json': '{ "dependencies": { "react": "16" } }',
      },
    });
  });

  it('only looks at manifests', () => {
    const { rules } = check({ decisions: [noLodash], files: { 'src/a.ts': "import _ from 'lodash';" } });
    assert.equal(rules.appliesTo('src/a.ts'), false);
    assert.equal(rules.appliesTo('web/package.json'), true);
    assert.equal(rules.appliesTo('requirements-dev.txt'), true);
    assert.equal(rules.appliesTo('src/Foo.fsproj'), true);
  });
});

describe('pyproject.toml edge cases', () => {
  it('an empty quoted key in a Poetry table names no dependency (found by FC_SEED=178378315)', () => {
    assert.deepEqual(pyprojectDependencies('[tool.poetry.dependencies]\n""="1"\nrequests = "^2"\n').map((d) => d.name), ['requests']);
  });
});
