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
import { documentIndexSteps, withAnnotations, withSources, type IndexProgress, type LightDocuments, type WorkspaceIndex } from '../index/workspaceIndex.js';
import type { SourceDocuments } from '../index/sourceDocuments.js';
import { internalErrorFinding } from '../base/internalError.js';
import { unreadableFileFinding } from './unreadableFile.js';
import { scanPrefilter } from './prefilterNeedles.js';
import { neverPause, type Pace } from '../base/pace.js';
import { runStepsPaced } from '../base/steps.js';

/**
 * Reads and checks code files somewhere else (worker threads) and returns their entries. Paths it
 * returns no entry for are read and checked in place, so a scanner that fails costs speed only.
 */
export type ScanFiles = (paths: readonly string[], context: CheckContext) => Promise<ReadonlyMap<string, CachedCodeFile>>;

export interface IndexAndCheckOptions extends CheckOptions {
  onIndexProgress?: IndexProgress;
  /** Results of unchanged files from an earlier run; updated with this run's. */
  cache?: CheckCache;
  /** Where the files the cache cannot serve are scanned; by default here, one after the other. */
  scan?: ScanFiles;
  /**
   * Asked between files: when it returns a promise, the work waits for it. A language server
   * returns one every few milliseconds and serves its waiting requests meanwhile (default: never).
   */
  pace?: Pace;
  /** The documents of the workspace's sources, read by the host (`.rationale.json` `sources`). */
  sources?: SourceDocuments;
  /**
   * Called with the index of the documents alone, before any code file is read: a language server
   * answers from it while the code is scanned (documents first, then code).
   */
  onDocumentIndex?: (index: WorkspaceIndex) => void;
  /**
   * Fewest files to read before the workspace's fast search (`filesMatchingNone`) is asked which
   * of them hold nothing to find (default 500): below that, starting the search costs more.
   */
  prefilterMinFiles?: number;
  /**
   * Only these code files are read and checked (a check of what changed since a ref); every
   * document is still read, since documents define the rules. Default: every file.
   */
  codeFiles?: ReadonlySet<string>;
  /**
   * Documents parsed light: without their summary and own schema findings (a check of what changed
   * reports on the changed files only). Default: none.
   */
  lightDocuments?: LightDocuments;
}

export interface IndexAndCheckResult {
  index: WorkspaceIndex;
  result: CheckResult;
  /** The check context of `index`, for callers that go on checking single files. */
  context: CheckContext;
  /** Each code file's rule findings, before exceptions: a later recheck under the same rules reuses them. */
  ruleFindingsByPath: ReadonlyMap<string, Finding[]>;
}

/**
 * Indexes and checks a workspace reading every file once: documents first (they define the rules),
 * then each code file is scanned for annotations and checked against the rules in the same pass.
 */
export async function indexAndCheck(workspace: Workspace, options: IndexAndCheckOptions = {}): Promise<IndexAndCheckResult> {
  const { cache } = options;
  const pace = options.pace ?? neverPause;
  const ownIndex = await buildDocumentIndexPaced(workspace, options, pace);
  const docIndex = options.sources ? withSources(ownIndex, options.sources) : ownIndex;
  options.onDocumentIndex?.(docIndex);
  const ctx0 = createCheckContext(docIndex, workspace, options);
  const prefixes = Object.values(docIndex.config.idPrefixes);
  const checkKey = cache ? codeFileKey(ctx0, prefixes) : '';
  // Cache hits first (a stat each), so the files that must be read can be handed out at once.
  const entries = new Map<string, CachedCodeFile>();
  const misses: string[] = [];
  const stamps = new Map<string, string>();
  for (const path of docIndex.files) {
    const pause = pace();
    if (pause) await pause;
    if (docIndex.documents.has(path)) continue;
    if (options.codeFiles && !options.codeFiles.has(path)) continue;
    // Stamp first, read second: a file changed in between is stamped old and re-read next time.
    const stamp = cache ? workspace.stamp?.(path) : undefined;
    const hit = stamp !== undefined ? cache!.codeFile(path, stamp, checkKey) : undefined;
    if (hit) entries.set(path, hit);
    else {
      misses.push(path);
      if (stamp !== undefined) stamps.set(path, stamp);
    }
  }
  const codeFileCheck: CodeFileCheck = { rules: ctx0.rules, fileSet: docIndex.fileSet, prefixes };
  const unread = await filesWithNothingToFind(workspace, misses, codeFileCheck, options.prefilterMinFiles ?? 500);
  for (const path of unread) {
    const pause = pace();
    if (pause) await pause;
    const entry = nothingFound(ctx0.rules, path);
    entries.set(path, entry);
    const stamp = stamps.get(path);
    if (stamp !== undefined) cache!.rememberCodeFile(path, stamp, checkKey, entry);
  }
  const toRead = unread.size > 0 ? misses.filter((p) => !unread.has(p)) : misses;
  const scanned = toRead.length > 0 && options.scan ? await options.scan(toRead, ctx0) : undefined;
  let done = docIndex.files.length - toRead.length;
  for (const path of toRead) {
    done++;
    if (options.onProgress && done % 500 === 0) options.onProgress(done, docIndex.files.length);
    const pause = pace();
    if (pause) await pause;
    const entry = scanned?.get(path) ?? readAndCheckCodeFile(workspace, path, codeFileCheck);
    if (!entry) continue;
    entries.set(path, entry);
    const stamp = stamps.get(path);
    if (stamp !== undefined) cache!.rememberCodeFile(path, stamp, checkKey, entry);
  }
  const result = await collectFindings(ctx0, docIndex, entries, pace);
  options.onProgress?.(docIndex.files.length, docIndex.files.length);
  return result;
}

/**
 * Of the files to read, those the workspace's fast search proved to hold nothing to find (see
 * ScanPrefilter); none when it has no search, it failed, or the files are too few to be worth it.
 */
async function filesWithNothingToFind(workspace: Workspace, paths: readonly string[], { rules, prefixes }: CodeFileCheck, minFiles: number): Promise<ReadonlySet<string>> {
  if (!workspace.filesMatchingNone || paths.length === 0 || paths.length < minFiles) return new Set();
  const prefilter = scanPrefilter(rules, prefixes);
  if (!prefilter) return new Set();
  const candidates = paths.filter((p) => !prefilter.mustScan(p));
  return (await workspace.filesMatchingNone(candidates, prefilter.needles)) ?? new Set();
}

/** What `checkCodeFile` gives a file without annotations, requirement tags or rule findings. */
function nothingFound(rules: CompiledRules, path: string): CachedCodeFile {
  return { annotations: undefined, hash: undefined, ruleFindings: [], checked: rules.appliesTo(path) };
}

/** The document pass, a file at a time, pausing when `pace` asks. */
async function buildDocumentIndexPaced(workspace: Workspace, options: IndexAndCheckOptions, pace: Pace): Promise<WorkspaceIndex> {
  return runStepsPaced(documentIndexSteps(workspace, options.onIndexProgress, options.cache, 1, options.lightDocuments), pace);
}

/** Resolves every code file's annotations and rule findings against the finished index. */
async function collectFindings(ctx0: CheckContext, docIndex: WorkspaceIndex, entries: ReadonlyMap<string, CachedCodeFile>, pace: Pace): Promise<IndexAndCheckResult> {
  const annotations = new Map<string, FileAnnotations>();
  const hashes = new Map<string, string>();
  const ruleFindings = new Map<string, Finding[]>();
  const requirements = new Map<string, FileRequirements>();
  let checked = ctx0.documentFindings.size;
  for (const path of docIndex.files) {
    const pause = pace();
    if (pause) await pause;
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
    const pause = pace();
    if (pause) await pause;
    const r = findingsForFile(ctx, path, undefined, index.documents.has(path) ? undefined : { annotations: annotations.get(path), ruleFindings: ruleFindings.get(path) ?? [] });
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
  }
  return { index, context: ctx, ruleFindingsByPath: ruleFindings, result: { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings), filesChecked: checked } };
}

/** What checking a code file needs besides the file: the same for every file of one run. */
export interface CodeFileCheck {
  rules: CompiledRules;
  /** Every file of the workspace, for rules that resolve imports to files. */
  fileSet: ReadonlySet<string>;
  /** The workspace's id prefixes, for annotation scanning. */
  prefixes: readonly string[];
}

/**
 * Reads one code file and checks it; a file that exists but cannot be read (binary, too large, not
 * text) becomes an `unreadable-file` finding rather than silently skipping every rule. Undefined
 * only when the file vanished since the listing.
 */
export function readAndCheckCodeFile(workspace: Workspace, path: string, check: CodeFileCheck): CachedCodeFile | undefined {
  const text = workspace.readText(path);
  if (text !== undefined) return checkCodeFile(path, text, check);
  const problem = workspace.readProblem?.(path);
  if (problem === undefined) return undefined;
  const finding = unreadableFileFinding(check.rules, path, problem);
  return { ruleFindings: finding ? [finding] : [], checked: finding !== undefined };
}

/** One code file's annotations and rule findings, before they are resolved against the index. */
export function checkCodeFile(path: string, text: string, { rules, fileSet, prefixes }: CodeFileCheck): CachedCodeFile {
  const ruled = rules.appliesTo(path);
  const ruleFindings = ruled ? rules.checkFile(path, text, (p) => fileSet.has(p)) : [];
  let found: FileAnnotations;
  try {
    found = scanAnnotations(path, text, { idPrefixes: [...prefixes] });
  } catch (e) {
    // A scanner bug must fail the check loudly, not pass it with this file's annotations missing.
    return { ruleFindings: [...ruleFindings, internalErrorFinding(path, null, 'scanning it for annotations', e)], checked: true };
  }
  const annotated = found.references.length > 0 || found.suppressions.length > 0;
  const requirements = readFileRequirements(path, text);
  return {
    ...(requirements ? { requirements } : {}),
    annotations: annotated ? found : undefined,
    hash: annotated ? contentHash(text) : undefined,
    ruleFindings,
    // Counted as in checkWithContext: files that a rule or an annotation made us look at.
    checked: annotated || ruled,
  };
}

/** What a code file's cached result depends on besides its own content. */
function codeFileKey(ctx: CheckContext, prefixes: string[]): string {
  const files = ctx.rules.readsFileList ? contentHash(ctx.index.files.join('\n')) : '';
  // `until-1`: before exceptions read `until DATE`, its words were cached as ids;
  // `requirements-1`: entries cached before they carried requirement items and tags must be re-read.
  return JSON.stringify([ctx.rules.key, prefixes, files, 'until-1', 'requirements-1']);
}
