/** Help texts: `rationale --help` and `rationale <command> --help`. */
import { ruleKindsInWords } from '../core/rules/ruleSpec.js';

export const mainHelp = `Rationale: your goals, projects and architecture decisions, linked to the code and checked.

Usage: rationale <command> [options]

Commands:
  check [dir]                 Check the rules accepted decisions declare, and the documents themselves
  baseline [dir]              Accept today's findings in .rationale-baseline.json: check then fails only on new ones
  list [dir]                  List goals, projects and decisions
  explain <path[:line]>       Show what governs a file or a line: decisions, their projects and goals
  context <path[:line]>       Print the Markdown to read before changing a file (for people and AI agents)
  new adr|prd|goal "Title"    Create a decision, project or goal with the next number
  search "query" [dir]        Find documents by id, title or text (fuzzy)
  graph [dir]                 Print goals → projects → decisions as Mermaid or DOT
  site --out <folder> [dir]   Write a static site of the mental model, for everyone else
  doctor [dir]                Report what was read, unknown statuses and decision records missed
  mcp [dir]                   Serve the agent tools over MCP on stdio (for AI agents)

Options:
  -h, --help                  Show help (also: rationale <command> --help)
  -V, --version               Show the version

Without a folder, commands work on the workspace around the current directory (the nearest folder
with .rationale.json or .git). Only "new", "baseline" and "site" write files.

Exit codes: 0 success; 1 "check" found a finding at or above --fail-on; 2 usage, configuration or
file-system error (the message starts with "rationale: ").
`;
import { lookupTable } from '../core/base/lookupTable.js';

export const commandHelp = lookupTable<string>({
  check: `Usage: rationale check [dir] [options]

Checks the workspace in dir (default: the workspace around the current directory): the rules that
accepted decisions declare, references from code to goals, projects and decisions, and the
documents themselves.
Rule kinds: ${ruleKindsInWords}.

Options:
  -f, --format <text|json|sarif|github|markdown>   Output format (default text)
      text      path:line:col  severity  code  message  [decision], then a summary line
      json      {"version": 1, "findings": [...], "summary": {...}}; paths relative to dir, 1-based
      sarif     SARIF 2.1.0 for code scanning (upload with github/codeql-action/upload-sarif)
      github    GitHub Actions annotations (::error file=…,line=…::message)
      markdown  A pull-request comment: per file, the decisions that govern it (status, summary,
                project → goal), then its findings; under 60,000 characters
  --changed-since <ref>                   Report only findings on lines added or changed since the
                                          merge base of ref and HEAD (working tree included; new
                                          files count whole), plus the findings of changed
                                          documents. Needs git and the history: in GitHub Actions,
                                          fetch-depth: 0 on actions/checkout
  --fail-on <error|warning|info|never>    Lowest severity that fails the run (default error)
  --dir <dir>                             Same as the dir argument
  --no-cache                              Read and check every file, and leave the cache alone
  --cache-dir <dir>                       Where the cache lives (default $RATIONALE_CACHE_DIR, else
                                          $XDG_CACHE_HOME/rationale or ~/.cache/rationale)
  --no-ripgrep                            Read every file in JavaScript, without ripgrep (the same
                                          as RATIONALE_RG=off)

Files unchanged since the last run (same size and times, same rules) are not read again: their
results come from a cache kept outside the repository, one file per workspace.

When ripgrep is installed ($RATIONALE_RG, else rg on the PATH), it finds the files that contain
nothing to check (no annotation, id, requirement tag, forbidden import or pattern), and those are
not read; the findings are the same either way. Nothing is downloaded.

Exit codes:
  0  no finding reached --fail-on
  1  at least one finding did
  2  usage error, missing folder, or an internal error of the checker (an internal-error finding:
     a rule failed on some file, so the result cannot be trusted)

Problems in .rationale.json, .adr-dir or .log4brains.yml are invalid-config warnings; the valid
settings still apply. Set RATIONALE_TODAY=YYYY-MM-DD to pin today's date (UTC by default).

With a .rationale-baseline.json in dir (see "rationale baseline"), the findings it accepts are
counted as baselined and never fail the run; entries that no longer occur are stale-baseline infos.
`,
  baseline: `Usage: rationale baseline [dir] [options]

Writes .rationale-baseline.json in dir: today's findings, each keyed by file, code, decision and a
hash of its line's text (never the line number, so edits elsewhere in the file keep it). "check"
then counts those findings as baselined and fails only on new ones. Commit the file.

Options:
  --prune        Only remove the entries that no longer occur; accept nothing new
  --dir <dir>    Same as the dir argument

An existing file is replaced atomically, and only if nobody changed it meanwhile; a new one is
created exclusively. Exit codes: 0 written; 2 usage error, a malformed baseline, or a file that
could not be written.
`,
  list: `Usage: rationale list [dir] [options]

Lists the goals, projects and decisions of the workspace, goals first, then projects, then decisions.

Options:
  -k, --kind <goal|project|decision>   Only documents of this kind (adr, prd, okr work too);
                                       requirement lists specification items with their coverage
                                       (JSON: {"id", "kind", "title", "file", "line", "revision",
                                       "needs", "status", "missing", "coveredBy", "project"})
  -s, --status <status>                Only documents with this (normalised) status, e.g. accepted;
                                       "none" lists documents without a status. With --kind
                                       requirement: covered (every needed artifact type is
                                       covered), uncovered (some is not), or the item's own
                                       Status: approved (also when it states none), proposed,
                                       draft, rejected
  --json                               A JSON array of {"id", "kind", "title", "status", "file",
                                       "date", "links", ...}
  --dir <dir>                          Same as the dir argument
`,
  explain: `Usage: rationale explain <path[:line]> [options]

Shows what governs a file, or one line of it: decisions cited by annotations whose reach covers the
line, and decisions whose applies-to globs match the file, with their status, date, summary, the
projects they serve and those projects' goals. For a goal, project or decision file, shows that
document and what it serves. On a line with a coverage tag ([impl->req~login~2]), names the
items it covers; on a specification item's id line, shows what covers it.

The workspace root is found by walking up from the file to a folder with .rationale.json or .git
(or .adr-dir, .log4brains.yml, or a docs/adr-like folder), unless --dir names it.

Options:
  --dir <dir>   The workspace root
  --json        Machine-readable output
`,
  context: `Usage: rationale context <path[:line]> [options]

Prints, as Markdown, what to read before changing a file (or one line of it): the decisions that
govern it with their status, why each applies and the rules the code must follow, the projects and
goals they serve, requirements covered there and exceptions recorded. The same text the
governing_decisions agent tool gives. Long answers are cut to whole sections, and say so. The file
need not exist yet: what its path falls under applies.

Options:
  --dir <dir>           The workspace root (default: found by walking up from the file)
  --max-chars <n>       Cut the text to about n characters (default 6000)
`,
  mcp: `Usage: rationale mcp [dir]

Serves Rationale to AI agents over the Model Context Protocol, on stdin/stdout: the tools
governing_decisions, check_file, search_documents, list_documents and propose_decision, and each goal,
project and decision as a rationale://<kind>/<id> resource. The workspace is indexed once at
start-up; changed documents and the files a call names are read again. Messages go to stderr.
propose_decision is the only tool that writes: a new file, created exclusively, never overwriting.

Options:
  --dir <dir>   The workspace root (the same as the dir argument)
`,
  new: `Usage: rationale new adr|prd|goal "Title" [options]

Creates a decision (adr), project (prd) or goal with the next number in its folder's own scheme:
NNNN-slug.md with the width the folder already uses (adr-tools, MADR), or YYYYMMDD-slug.md where the
folder uses date slugs (log4brains). The template follows the folder's documents: MADR by default,
adr-tools (Nygard) where the folder is adr-tools style or .rationale.json says "template": "nygard".
Never overwrites a file; concurrent runs get distinct numbers. Prints the created file's path.

The folder: the workspace's configured or existing folder for that kind, else docs/decisions,
docs/prd or docs/goals.

Options:
  --supersedes <id>   Mark that decision superseded by the new one (its status is rewritten in
                      the form it uses: front matter, "- Status:" bullet or "## Status" section)
                      and link to it from the new one; prints that file's path too
  --dir <dir>         The folder to create the document in, or the workspace root
  --date <date>       The document's date, YYYY-MM-DD (default today in UTC, or $RATIONALE_TODAY)
`,
  search: `Usage: rationale search "query" [dir] [options]

Finds goals, projects and decisions by id, alias, title or text, tolerating typos. An exact id
(ADR-7, adr-0007, 7, the file slug) comes first.

Options:
  -n, --limit <n>                      At most n results (default 10)
  -k, --kind <goal|project|decision>   Only documents of this kind
  --json                               A JSON array of {"id", "kind", "title", "status", "file", "score", "exact"}
  --dir <dir>                          Same as the dir argument
`,
  graph: `Usage: rationale graph [dir] [options]

Prints the mental model: goals, the projects that serve them, the decisions made for those projects,
and which decisions supersede which.

Options:
  -f, --format <mermaid|dot>   Mermaid flowchart (default) or Graphviz DOT
  --dir <dir>                  Same as the dir argument
`,
  site: `Usage: rationale site --out <folder> [dir] [options]

Writes a static site of the workspace's mental model into folder: a home page with goals → projects
→ decisions and their graph, one page per document (its text, status, dates, links both ways, the
code that cites it, its rules and their current findings), a timeline of decisions, the decision
flow (work in progress, throughput, lead time), a health page (overdue reviews, retired decisions
still cited, uncovered requirements, debt per decision) and search. The pages work from file:// and
any static host, and load nothing from outside the folder. The check is the one "check" runs.

Options:
  -o, --out <folder>   Where to write (created if missing). A folder that is not empty must hold a
                       site an earlier run wrote (its .rationale-site marker); files of that run
                       this one does not write again are removed, nothing else is
  --force              Write into a folder that is not empty anyway (its files are kept, except
                       those with the names of the site's own files)
  --dir <dir>          Same as the dir argument
  --no-ripgrep         Read every file in JavaScript, without ripgrep

Prints the path of the home page. Exit codes: 0 written; 2 usage error, or a folder that may not
or cannot be written.
`,
  doctor: `Usage: rationale doctor [dir] [options]

Reports how Rationale reads the workspace: the documents read per folder and format (front matter,
MADR bullets, adr-tools sections, log4brains), with counts by kind and status; statuses no status
map knows, each with the "statusMap" line to add to .rationale.json; Markdown files that look like
decision records (a "## Status" heading and a "## Decision" or "## Context" heading) but were not
read, with the "folders" line that reads them; and the configuration in effect. Writes nothing.

Options:
  --json        The report as JSON: {"documents", "read", "unrecognisedStatuses", "candidates",
                "candidatesConfigLine", "rootCandidates", "configuration"}
  --dir <dir>   Same as the dir argument
`,
});
