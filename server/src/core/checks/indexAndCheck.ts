import type { FileAnnotations } from '../source/codeReference.js';
import { scanAnnotations } from '../source/scanAnnotations.js';
import { readFileRequirements, type FileRequirements } from '../requirements/fileRequirements.js';
import { requirementTraceOf } from '../requirements/workspaceRequirementTrace.js';
import type { CachedCodeFile, CheckCache } from './checkCache.js';
import { createCheckContext, findingsForFile, withIndex, type CheckContext, type CheckOptions, type CheckResult } from './checkWorkspace.js';
import { contentHash } from '../base/contentHash.js';
import { compareFindings, type Finding } from '../base/finding.js';
import type { CompiledRules } from '../rules/ruleEngine.js';
import type { Workspace } from '../workspace/workspace.js';
import { yieldToEventLoop } from '../base/yieldToEventLoop.js';
import { documentIndexSteps, withAnnotations, type IndexProgress, type WorkspaceIndex } from '../index/workspaceIndex.js';

export interface IndexAndCheckOptions extends CheckOptions {
  onIndexProgress?: IndexProgress;
  /** Results of unchanged files from an earlier run; updated with this run's. */
  cache?: CheckCache;
}

/**
 * The code files a run must read (not served by the cache), handed to whoever drives the steps: a
 * driver may scan them elsewhere (worker threads) and pass the entries back, or pass nothing to
 * have them scanned here.
 */
export interface ScanRequest {
  paths: readonly string[];
  context: CheckContext;
}

/** Results for some of a request's paths; the rest are scanned in place. */
export type ScanResponse = ReadonlyMap<string, CachedCodeFile> | undefined;

export interface IndexAndCheckResult {
  index: WorkspaceIndex;
  result: CheckResult;
  /** The check context of `index`, for callers that go on checking single files. */
  context: CheckContext;
}

/**
 * Indexes and checks a workspace reading every file once: documents first (they define the rules),
 * then each code file is scanned for annotations and checked against the rules in the same pass.
 * The CLI runs it at once; the language server runs it in steps at start-up.
 */
export function indexAndCheck(workspace: Workspace, options: IndexAndCheckOptions = {}): IndexAndCheckResult {
  const steps = indexAndCheckSteps(workspace, options);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same, yielding to the event loop every `chunk` files so a server stays responsive and its
 * progress reports go out; undefined when `isCancelled` says a newer run took over.
 */
export async function indexAndCheckAsync(workspace: Workspace, options: IndexAndCheckOptions & { chunk?: number; isCancelled?: () => boolean } = {}): Promise<IndexAndCheckResult | undefined> {
  const steps = indexAndCheckSteps(workspace, options, options.chunk ?? 200);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    await yieldToEventLoop();
    if (options.isCancelled?.()) return undefined;
  }
}

/**
 * The run as a generator, for drivers of their own: it yields `undefined` between chunks of work,
 * and once a `ScanRequest` for the code files to read, expecting a `ScanResponse` back from `next`.
 */
export function* indexAndCheckSteps(workspace: Workspace, options: IndexAndCheckOptions, chunk = Infinity): Generator<ScanRequest | undefined, IndexAndCheckResult, ScanResponse> {
  const { cache } = options;
  const docIndex = yield* documentIndexSteps(workspace, options.onIndexProgress, cache, chunk);
  const ctx0 = createCheckContext(docIndex, workspace, options);
  const prefixes = Object.values(docIndex.config.idPrefixes);
  const checkKey = cache ? codeFileKey(ctx0, prefixes) : '';
  const annotations = new Map<string, FileAnnotations>();
  const hashes = new Map<string, string>();
  const ruleFindings = new Map<string, Finding[]>();
  const requirements = new Map<string, FileRequirements>();
  // Cache hits first (a stat each), so the files that must be read can be handed out in one request.
  const entries = new Map<string, CachedCodeFile>();
  const misses: string[] = [];
  const stamps = new Map<string, string>();
  let done = 0;
  for (const path of docIndex.files) {
    if (++done % chunk === 0) yield;
    if (docIndex.documents.has(path)) continue;
    // Stamp first, read second: a file changed in between is stamped old and re-read next time.
    const stamp = cache ? workspace.stamp?.(path) : undefined;
    const hit = stamp !== undefined ? cache!.codeFile(path, stamp, checkKey) : undefined;
    if (hit) entries.set(path, hit);
    else {
      misses.push(path);
      if (stamp !== undefined) stamps.set(path, stamp);
    }
  }
  const scanned = misses.length > 0 ? yield { paths: misses, context: ctx0 } : undefined;
  done = docIndex.files.length - misses.length;
  for (const path of misses) {
    done++;
    if (options.onProgress && done % 500 === 0) options.onProgress(done, docIndex.files.length);
    if (done % chunk === 0) yield;
    let entry = scanned?.get(path);
    if (!entry) {
      const text = workspace.readText(path);
      if (text === undefined) continue;
      entry = checkCodeFile(ctx0.rules, docIndex.fileSet, path, text, prefixes);
    }
    entries.set(path, entry);
    const stamp = stamps.get(path);
    if (stamp !== undefined) cache!.rememberCodeFile(path, stamp, checkKey, entry);
  }
  let checked = ctx0.documentFindings.size;
  for (const path of docIndex.files) {
    const entry = entries.get(path);
    if (!entry) continue;
    if (entry.annotations) {
      annotations.set(path, entry.annotations);
      hashes.set(path, entry.hash ?? '');
    }
    if (entry.checked) checked++;
    if (entry.ruleFindings.length > 0) ruleFindings.set(path, entry.ruleFindings);
    if (entry.requirements) requirements.set(path, entry.requirements);
  }
  const index = withAnnotations(docIndex, annotations, hashes, requirements);
  const ctx = withIndex(ctx0, index);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const paths = new Set([...annotations.keys(), ...ruleFindings.keys(), ...ctx.documentFindings.keys(), ...requirementTraceOf(index).findingsByPath.keys()]);
  for (const path of [...paths].sort()) {
    const r = findingsForFile(ctx, path, undefined, index.documents.has(path) ? undefined : { annotations: annotations.get(path), ruleFindings: ruleFindings.get(path) ?? [] });
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
  }
  options.onProgress?.(docIndex.files.length, docIndex.files.length);
  return { index, context: ctx, result: { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings), filesChecked: checked } };
}

/** One code file's annotations and rule findings, before they are resolved against the index. */
export function checkCodeFile(rules: CompiledRules, fileSet: ReadonlySet<string>, path: string, text: string, prefixes: readonly string[]): CachedCodeFile {
  const found = scanAnnotations(path, text, { idPrefixes: [...prefixes] });
  const annotated = found.references.length > 0 || found.suppressions.length > 0;
  const ruled = rules.appliesTo(path);
  const requirements = readFileRequirements(path, text);
  return {
    ...(requirements ? { requirements } : {}),
    annotations: annotated ? found : undefined,
    hash: annotated ? contentHash(text) : undefined,
    ruleFindings: ruled ? rules.checkFile(path, text, (p) => fileSet.has(p)) : [],
    // Counted as in checkWithContext: files that a rule or an annotation made us look at.
    checked: annotated || ruled,
  };
}

/** What a code file's cached result depends on besides its own content. */
function codeFileKey(ctx: CheckContext, prefixes: string[]): string {
  const files = ctx.rules.readsFileList ? contentHash(ctx.index.files.join('\n')) : '';
  // `requirements-1`: entries cached before they carried requirement items and tags must be re-read.
  return JSON.stringify([ctx.rules.key, prefixes, files, 'requirements-1']);
}
