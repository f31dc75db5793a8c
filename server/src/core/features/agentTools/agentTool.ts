import type { CheckContext } from '../../checks/checkWorkspace.js';
import type { WorkspaceIndex } from '../../index/workspaceIndex.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { LanguageService } from '../languageService.js';

/**
 * What an agent tool answers: Markdown a model reads, and the same facts as data for a program.
 * `isError` marks bad input (an unknown kind, a path outside the workspace, a missing title): the
 * text then says what was wrong, and the tool never throws.
 */
export interface AgentToolResult {
  text: string;
  structured: Record<string, unknown>;
  isError?: boolean;
}

/** A new file a tool wants created: the host creates it exclusively, never overwriting one. */
export interface PlannedFile {
  path: string;
  content: string;
}

/**
 * Creates a document in `folder` (workspace-relative) without ever replacing a file: the host lists
 * the folder as it is now, asks `plan` for the file, creates it exclusively and, when the name was
 * taken meanwhile, lists again and asks again. Resolves to the file created.
 */
export type CreateDocument = (folder: string, plan: (fileNames: readonly string[]) => PlannedFile) => Promise<PlannedFile>;

/** What a host gives the tools: the same front objects the editor features use. */
export interface AgentToolHost {
  /** The folder's language service (governing, search, planning share its per-snapshot caches). */
  features: LanguageService;
  /** The current index snapshot. */
  index(): WorkspaceIndex;
  workspace: Workspace;
  /** Today as `YYYY-MM-DD`: exceptions' end dates and new documents' dates. */
  today(): string;
  /**
   * A path as an agent wrote it (relative to the workspace, or absolute) as a workspace-relative
   * path; undefined when it lies outside the workspace. Without it, only relative paths are taken.
   */
  workspacePath?(input: string): string | undefined;
  /** The checker's context for a snapshot, when the host keeps one; else the tools build and cache their own. */
  checkContext?(index: WorkspaceIndex): CheckContext;
  /** Writes a new document; hosts that cannot write leave it out, and propose_decision then says so. */
  createDocument?: CreateDocument;
}

/** One tool: its name (the same in MCP and VS Code), what it is for, its input as JSON Schema, and its run. */
export interface AgentTool {
  name: string;
  title: string;
  /** For the model: when to call it and what it returns. */
  description: string;
  inputSchema: JsonObjectSchema;
  run(host: AgentToolHost, input: Readonly<Record<string, unknown>>): AgentToolResult | Promise<AgentToolResult>;
}

export interface JsonObjectSchema {
  type: 'object';
  properties: Record<string, { type: 'string' | 'integer'; description: string; enum?: readonly string[]; minimum?: number }>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

/** Bad input, said plainly; the structured part carries the same message. */
export function errorResult(message: string): AgentToolResult {
  return { text: message, structured: { error: message }, isError: true };
}

/** Thrown by input readers and turned into an error result by the registry, never escaping it. */
export class AgentToolInputError extends Error {}
