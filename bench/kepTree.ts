/**
 * A generated tree shaped like kubernetes/enhancements: `keps/sig-<name>/<number>-<slug>/README.md`
 * (20–60 KB of Markdown each, written to the KEP template's headings, with checklists, tables, code
 * fences and links to other KEPs) and a `kep.yaml` beside each. The real repository holds about 650
 * KEPs and 21 MB of Markdown, which is the size the target (`rationale list` under 2 s) is
 * about; a user with such a tree waits on the walk and on reading the READMEs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pick, rng } from './random.js';

export const kepCount = 650;

const sigs = [
  'api-machinery', 'apps', 'architecture', 'auth', 'autoscaling', 'cli', 'cloud-provider', 'cluster-lifecycle',
  'contributor-experience', 'docs', 'instrumentation', 'multicluster', 'network', 'node', 'release', 'scalability',
  'scheduling', 'security', 'storage', 'testing', 'windows',
];
const statuses = ['provisional', 'implementable', 'implementable', 'implemented', 'implemented', 'implemented', 'deferred', 'rejected', 'withdrawn', 'replaced'];
const stages = ['alpha', 'beta', 'stable'];
const nouns = 'pod node kubelet scheduler controller volume snapshot endpoint service ingress gateway quota namespace secret token webhook admission lease probe sidecar container image runtime cgroup topology device plugin driver label selector taint toleration affinity autoscaler replica deployment statefulset daemonset job cronjob eviction preemption priority'.split(' ');
const verbs = 'allow support add extend deprecate graduate migrate expose enforce validate reconcile schedule evict restart report'.split(' ');
const adjectives = 'dynamic in-place graceful structured topology-aware ephemeral persistent server-side declarative pluggable partial recursive'.split(' ');
const gates = ['InPlacePodVerticalScaling', 'SidecarContainers', 'DynamicResourceAllocation', 'PodSchedulingReadiness', 'JobPodFailurePolicy', 'NodeSwap', 'StructuredAuthenticationConfiguration', 'RecursiveReadOnlyMounts'];
const components = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'];
const packages = ['pkg/kubelet/cm', 'pkg/scheduler/framework', 'pkg/controller/job', 'pkg/apis/core/validation', 'staging/src/k8s.io/apiserver/pkg/admission', 'pkg/proxy/iptables'];

interface Kep {
  number: number;
  sig: string;
  slug: string;
  title: string;
  dir: string;
}

function sentence(r: () => number, keps: readonly Kep[]): string {
  const words: string[] = [];
  const n = 10 + Math.floor(r() * 18);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.04) words.push(`\`${pick(r, nouns)}.${pick(r, nouns)}\``);
    else if (x < 0.06) {
      const k = pick(r, keps);
      words.push(`[KEP-${k.number}](/keps/sig-${k.sig}/${k.number}-${k.slug}/README.md)`);
    } else if (x < 0.07) words.push(`[#${10000 + Math.floor(r() * 110000)}](https://github.com/kubernetes/kubernetes/pull/${10000 + Math.floor(r() * 110000)})`);
    else if (x < 0.2) words.push(pick(r, verbs));
    else if (x < 0.3) words.push(pick(r, adjectives));
    else if (x < 0.55) words.push(pick(r, nouns));
    else words.push(pick(r, ['the', 'a', 'of', 'to', 'when', 'and', 'is', 'for', 'which', 'in', 'this', 'that', 'with', 'by', 'on', 'cluster', 'users', 'field', 'API', 'behaviour']));
  }
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function paragraph(r: () => number, keps: readonly Kep[]): string {
  return Array.from({ length: 2 + Math.floor(r() * 5) }, () => sentence(r, keps)).join(' ');
}

function bullets(r: () => number, keps: readonly Kep[], checkbox = false): string {
  return Array.from({ length: 3 + Math.floor(r() * 5) }, () => `- ${checkbox ? (r() < 0.5 ? '[x] ' : '[ ] ') : ''}${sentence(r, keps)}`).join('\n');
}

function goFence(r: () => number): string {
  const type = `${pick(r, adjectives).replace(/[^a-z]/g, '').replace(/^./, (c) => c.toUpperCase())}${pick(r, nouns).replace(/^./, (c) => c.toUpperCase())}Spec`;
  const fields = Array.from({ length: 3 + Math.floor(r() * 6) }, (_, i) => {
    const name = `${pick(r, nouns).replace(/^./, (c) => c.toUpperCase())}${i}`;
    return `    // ${name} ${pick(r, verbs)}s the ${pick(r, nouns)}.\n    // +optional\n    ${name} *${pick(r, ['string', 'int32', 'bool', 'metav1.Duration'])} \`json:"${name[0].toLowerCase()}${name.slice(1)},omitempty"\``;
  });
  return `\`\`\`go\n// ${type} describes the desired state.\ntype ${type} struct {\n${fields.join('\n\n')}\n}\n\`\`\``;
}

function yamlFence(r: () => number): string {
  return [
    '```yaml',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${pick(r, nouns)}-example`,
    'spec:',
    '  containers:',
    `  - name: ${pick(r, nouns)}`,
    `    image: registry.k8s.io/${pick(r, nouns)}:v1.${Math.floor(r() * 30)}`,
    '    resources:',
    '      requests:',
    `        cpu: ${100 * (1 + Math.floor(r() * 9))}m`,
    `        memory: ${64 * (1 + Math.floor(r() * 8))}Mi`,
    '```',
  ].join('\n');
}

function table(r: () => number): string {
  const rows = Array.from({ length: 3 + Math.floor(r() * 6) }, () => `| \`${pick(r, gates)}\` | ${pick(r, ['false', 'true'])} | ${pick(r, stages)} | 1.${20 + Math.floor(r() * 12)} | ${pick(r, components)} |`);
  return ['| Feature gate | Default | Stage | Since | Components |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The KEP template's headings, in order; Design Details is repeated as needed to reach the size. */
function readme(k: Kep, bytes: number, r: () => number, keps: readonly Kep[]): string {
  const toc = ['Release Signoff Checklist', 'Summary', 'Motivation', 'Goals', 'Non-Goals', 'Proposal', 'User Stories (Optional)', 'Risks and Mitigations', 'Design Details', 'Test Plan', 'Graduation Criteria', 'Production Readiness Review Questionnaire', 'Implementation History', 'Drawbacks', 'Alternatives'];
  const anchor = (h: string) => h.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
  const head = [
    `# KEP-${k.number}: ${k.title}`,
    '',
    '<!-- toc -->',
    ...toc.map((h) => `- [${h}](#${anchor(h)})`),
    '<!-- /toc -->',
    '',
    '## Release Signoff Checklist',
    '',
    'Items marked with (R) are required *prior to targeting to a milestone / release*.',
    '',
    `- [x] (R) Enhancement issue in release milestone, which links to KEP dir in [kubernetes/enhancements] (not the initial KEP PR)`,
    `- [${r() < 0.7 ? 'x' : ' '}] (R) KEP approvers have approved the KEP status as \`implementable\``,
    `- [${r() < 0.7 ? 'x' : ' '}] (R) Design details are appropriately documented`,
    '- [ ] (R) Production readiness review completed',
    '- [ ] "Implementation History" section is up-to-date for milestone',
    '',
    '[kubernetes.io]: https://kubernetes.io/',
    '[kubernetes/enhancements]: https://git.k8s.io/enhancements',
    '',
    '## Summary', '', paragraph(r, keps), '', paragraph(r, keps), '',
    '## Motivation', '', paragraph(r, keps), '',
    '### Goals', '', bullets(r, keps), '',
    '### Non-Goals', '', bullets(r, keps), '',
    '## Proposal', '', paragraph(r, keps), '',
    '### User Stories (Optional)', '',
    '#### Story 1', '', paragraph(r, keps), '',
    '#### Story 2', '', paragraph(r, keps), '',
    '### Risks and Mitigations', '', paragraph(r, keps), '',
    '## Design Details', '', paragraph(r, keps), '',
  ].join('\n');
  const tail = [
    '### Test Plan', '',
    '[x] I/we understand the owners of the involved components may require updates to existing tests to make this code solid enough prior to committing the changes necessary to implement this enhancement.',
    '',
    '##### Unit tests', '',
    ...packages.map((p) => `- \`${p}\`: \`2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}\` - \`${(50 + r() * 50).toFixed(1)}%\``),
    '',
    '##### Integration tests', '',
    `- [${pick(r, nouns)} ${pick(r, verbs)}](https://github.com/kubernetes/kubernetes/blob/master/test/integration/${pick(r, nouns)}/${pick(r, nouns)}_test.go): [integration master](https://testgrid.k8s.io/sig-release-master-blocking#integration-master)`,
    '',
    '### Graduation Criteria', '',
    ...stages.flatMap((s) => [`#### ${s[0].toUpperCase()}${s.slice(1)}`, '', bullets(r, keps), '']),
    '## Production Readiness Review Questionnaire', '',
    '### Feature Enablement and Rollback', '',
    '###### How can this feature be enabled / disabled in a live cluster?', '',
    '- [x] Feature gate (also fill in values in `kep.yaml`)',
    `  - Feature gate name: ${pick(r, gates)}`,
    `  - Components depending on the feature gate: ${pick(r, components)}, ${pick(r, components)}`,
    '',
    '###### Does enabling the feature change any default behavior?', '', paragraph(r, keps), '',
    '###### Can the feature be disabled once it has been enabled (i.e. can we roll back the enablement)?', '', paragraph(r, keps), '',
    '## Implementation History', '',
    ...Array.from({ length: 3 + Math.floor(r() * 4) }, (_, i) => `- 20${19 + i}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}: ${sentence(r, keps)}`),
    '',
    '## Drawbacks', '', paragraph(r, keps), '',
    '## Alternatives', '', paragraph(r, keps), '', yamlFence(r), '',
  ].join('\n');
  const parts = [head];
  let size = head.length + tail.length;
  for (let section = 1; size < bytes; section++) {
    const x = r();
    const body = x < 0.25 ? goFence(r) : x < 0.4 ? yamlFence(r) : x < 0.55 ? table(r) : x < 0.7 ? bullets(r, keps) : paragraph(r, keps);
    const part = `### ${pick(r, adjectives)} ${pick(r, nouns)} ${pick(r, verbs)} (${section})\n\n${paragraph(r, keps)}\n\n${body}\n\n${paragraph(r, keps)}\n\n`;
    parts.push(part);
    size += part.length;
  }
  parts.push(tail);
  return parts.join('');
}

function kepYaml(k: Kep, r: () => number, keps: readonly Kep[]): string {
  const status = pick(r, statuses);
  const minor = 14 + Math.floor(r() * 16);
  const replaced = status === 'replaced' || r() < 0.05 ? pick(r, keps) : undefined;
  return [
    `title: ${k.title}`,
    `kep-number: ${k.number}`,
    'authors:',
    ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => `  - "@${pick(r, nouns)}-${pick(r, nouns)}"`),
    `owning-sig: sig-${k.sig}`,
    'participating-sigs:',
    `  - sig-${pick(r, sigs)}`,
    `status: ${status}`,
    `creation-date: 20${18 + Math.floor(r() * 7)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`,
    'reviewers:',
    `  - "@${pick(r, nouns)}"`,
    'approvers:',
    `  - "@${pick(r, nouns)}"`,
    ...(replaced ? ['replaces:', `  - "/keps/sig-${replaced.sig}/${replaced.number}-${replaced.slug}"`] : []),
    `stage: ${pick(r, stages)}`,
    `latest-milestone: "v1.${minor + 2}"`,
    'milestone:',
    `  alpha: "v1.${minor}"`,
    `  beta: "v1.${minor + 1}"`,
    `  stable: "v1.${minor + 2}"`,
    'feature-gates:',
    `  - name: ${pick(r, gates)}`,
    '    components:',
    `      - ${pick(r, components)}`,
    'disable-supported: true',
    '',
  ].join('\n');
}

/** Writes the tree under `root`; returns how many KEPs and how many bytes of Markdown. */
export function generateKepTree(root: string): { keps: number; markdownBytes: number } {
  const r = rng(1234);
  const keps: Kep[] = [];
  let number = 0;
  for (let i = 0; i < kepCount; i++) {
    number += 1 + Math.floor(r() * 7);
    const sig = pick(r, sigs);
    const words = [pick(r, verbs), pick(r, adjectives), pick(r, nouns), pick(r, nouns)];
    const slug = words.join('-').replace(/[^a-z0-9-]/g, '');
    const title = words.join(' ').replace(/^./, (c) => c.toUpperCase());
    keps.push({ number, sig, slug, title, dir: path.join(root, 'keps', `sig-${sig}`, `${number}-${slug}`) });
  }
  let markdownBytes = 0;
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'README.md'), '# Kubernetes Enhancement Proposals\n\nEach KEP lives in `keps/sig-*/NNNN-slug/`.\n');
  for (const k of keps) {
    fs.mkdirSync(k.dir, { recursive: true });
    // Skewed towards the small end, as real KEPs are: 20 KB + 40 KB × r², about 33 KB on average.
    const text = readme(k, 20_000 + 40_000 * r() ** 2, r, keps);
    fs.writeFileSync(path.join(k.dir, 'README.md'), text);
    fs.writeFileSync(path.join(k.dir, 'kep.yaml'), kepYaml(k, r, keps));
    markdownBytes += Buffer.byteLength(text);
    if (r() < 0.5) {
      const prr = path.join(root, 'keps', 'prod-readiness', `sig-${k.sig}`);
      fs.mkdirSync(prr, { recursive: true });
      fs.writeFileSync(path.join(prr, `${k.number}.yaml`), `kep-number: ${k.number}\nalpha:\n  approver: "@${pick(r, nouns)}"\n`);
    }
  }
  return { keps: keps.length, markdownBytes };
}
