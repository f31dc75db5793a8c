/**
 * The messages between the graph panel (extension host) and its webview. The webview runs
 * repository text through its DOM, so what it sends back is untrusted: `parseWebviewMessage`
 * accepts only these shapes, and the panel opens only nodes of the graph it sent.
 */
import type { GraphResult } from '../../../server/src/protocol.js';

/** Host → webview. */
export type HostMessage =
  /** The graph to draw (again, after an index change); `focus` is a node key to reveal. */
  | { type: 'graph'; graph: GraphResult; focus?: string }
  /** Reveal one node of the graph already drawn. */
  | { type: 'focus'; key: string }
  /** The server could not answer. */
  | { type: 'error'; message: string };

/** Webview → host. */
export type WebviewMessage =
  /** The script is loaded (after every reload of the webview): send the graph. */
  | { type: 'ready' }
  /** Open the document (or requirement item) of this node. */
  | { type: 'open'; key: string };

const maxKeyLength = 8192;

/** The message if it has one of the shapes above, else undefined. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as { type?: unknown; key?: unknown };
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'open' && typeof m.key === 'string' && m.key.length > 0 && m.key.length <= maxKeyLength) return { type: 'open', key: m.key };
  return undefined;
}
