/**
 * A quick pick over goals, projects or decisions. Empty, it lists every document of the kind (from
 * the tree); as the user types, it shows the server's fuzzy search (fuse.js over a prefiltered
 * candidate set runs in the server, next to the index), newest answer wins.
 */
import * as vscode from 'vscode';
import type { DocumentKind, DocumentSummary, TreeNode } from '../../../server/src/protocol';
import { documentLabel, shorten, statusIcon, statusText } from '../documentPresentation';
import type { RationaleServer } from '../rationaleServer';

export interface PickDocumentOptions {
  title: string;
  placeholder: string;
  kind?: DocumentKind;
  /** Documents to leave out of the list (e.g. decisions already superseded). */
  exclude?: (doc: DocumentSummary) => boolean;
  /** Sorts the unfiltered list; default: by id, numbers in numeric order. */
  sort?: (a: DocumentSummary, b: DocumentSummary) => number;
  /** An extra first item meaning "none of these"; choosing it resolves to null. */
  noneLabel?: string;
}

interface DocumentItem extends vscode.QuickPickItem {
  document?: DocumentSummary;
}

const byId = (a: DocumentSummary, b: DocumentSummary) => a.id.localeCompare(b.id, undefined, { numeric: true });

/** Resolves to the chosen document, null for the "none" item, undefined when cancelled. */
export async function pickDocument(server: RationaleServer, options: PickDocumentOptions): Promise<DocumentSummary | null | undefined> {
  const qp = vscode.window.createQuickPick<DocumentItem>();
  qp.title = options.title;
  qp.placeholder = options.placeholder;
  qp.matchOnDescription = true;
  qp.busy = true;
  const keep = (d: DocumentSummary) => (!options.kind || d.kind === options.kind) && !options.exclude?.(d);
  const noneItem: DocumentItem[] = options.noneLabel ? [{ label: options.noneLabel, iconPath: new vscode.ThemeIcon('dash'), alwaysShow: true }] : [];
  let all: DocumentItem[] = [];
  let pending: vscode.CancellationTokenSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const showAll = () => {
    qp.items = [...noneItem, ...all];
  };
  void server.tree().then(
    (tree) => {
      all = flatten([...tree.goals, ...tree.unlinked]).filter(keep).sort(options.sort ?? byId).map((d) => toItem(d, false));
      if (!qp.value.trim()) showAll();
      qp.busy = false;
    },
    (e: unknown) => {
      qp.busy = false;
      qp.placeholder = `Could not list documents: ${(e as Error).message}`;
    },
  );
  showAll();

  const search = async (query: string) => {
    pending?.cancel();
    const cts = new vscode.CancellationTokenSource();
    pending = cts;
    qp.busy = true;
    try {
      const hits = await server.search({ query, kind: options.kind, limit: 50 }, cts.token);
      if (cts.token.isCancellationRequested) return;
      // alwaysShow: the server's fuzzy match may not match the label the way the quick pick filters.
      qp.items = [...noneItem, ...hits.map((h) => h.document).filter(keep).map((d) => toItem(d, true))];
    } catch {
      // Cancelled by the next keystroke, or the server is gone: keep what is shown.
    } finally {
      if (pending === cts) {
        pending = undefined;
        qp.busy = false;
      }
      cts.dispose();
    }
  };

  return new Promise((resolve) => {
    let result: DocumentSummary | null | undefined;
    qp.onDidChangeValue((value) => {
      if (timer) clearTimeout(timer);
      const query = value.trim();
      if (!query) {
        pending?.cancel();
        showAll();
        return;
      }
      // Until the answer arrives, the quick pick's own filter narrows the full list.
      timer = setTimeout(() => void search(query), 60);
    });
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) return;
      result = item.document ?? null;
      qp.hide();
    });
    qp.onDidHide(() => {
      if (timer) clearTimeout(timer);
      pending?.cancel();
      qp.dispose();
      resolve(result);
    });
    qp.show();
  });
}

function toItem(d: DocumentSummary, alwaysShow: boolean): DocumentItem {
  return {
    label: documentLabel(d),
    iconPath: statusIcon(d),
    description: [statusText(d), d.date].filter(Boolean).join(' · '),
    detail: d.summary ? shorten(d.summary, 160) : undefined,
    alwaysShow,
    document: d,
  };
}

/** Every document in the tree once (a decision under two projects appears twice there). */
export function flatten(nodes: readonly TreeNode[]): DocumentSummary[] {
  const seen = new Map<string, DocumentSummary>();
  const walk = (list: readonly TreeNode[]) => {
    for (const n of list) {
      const key = `${n.document.uri}#${n.document.id}`;
      if (!seen.has(key)) seen.set(key, n.document);
      walk(n.children);
    }
  };
  walk(nodes);
  return [...seen.values()];
}
