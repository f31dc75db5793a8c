import type { DocLink, RationaleDocument } from '../core/documents/document.js';
import { collectSourceDocuments, type SourceContents, type SourceDocuments } from '../core/index/sourceDocuments.js';
import type { OpenedSources } from '../node/sourceWorkspaces.js';

/**
 * Another folder of the same multi-root workspace. A multi-root workspace is one model: each
 * folder sees the others' goals, projects and decisions as it sees a configured source (read-only,
 * cited as `name:GOAL-3` or bare when unambiguous), while its own `.rationale.json` and checks stay
 * its own. Unlike a configured source, a peer is read from its session, open documents included.
 */
export interface PeerFolder {
  /** The name its ids are qualified with: the workspace folder's name, made a valid qualifier. */
  readonly name: string;
  readonly root: string;
  /** Its own documents now (never its sources or peers), none before it is first indexed. */
  documents(): Iterable<RationaleDocument>;
  /** Where each of a document's links leads as its own folder resolves it (aligned with `doc.links`). */
  linkTargets(doc: RationaleDocument): (FolderPath | undefined)[];
}

/** A document's file as a folder and a path inside it. */
export interface FolderPath {
  root: string;
  path: string;
}

/**
 * The peers a folder joins: a configured source of the same name or folder wins, since the
 * folder's own configuration says how it wants that folder read.
 */
export function joinablePeers(peers: readonly PeerFolder[], configured: OpenedSources | undefined): PeerFolder[] {
  const names = new Set([...(configured?.folders.keys() ?? [])].map((n) => n.toLowerCase()));
  const folders = new Set(configured?.folders.values() ?? []);
  return peers.filter((p) => !names.has(p.name.toLowerCase()) && !folders.has(p.root));
}

/** What identifies the peers joined: empty for none. */
export function peersStamp(peers: readonly PeerFolder[]): string {
  return peers.map((p) => p.name).join('\n');
}

/**
 * The configured sources and the peers, as one set of source documents of the folder at `root`;
 * undefined when there are none. A peer's links lead where the peer resolves them: into this
 * folder (a project there serving a goal here), into another peer, or inside the peer itself.
 */
export function joinSources(root: string, configured: OpenedSources | undefined, peers: readonly PeerFolder[]): SourceDocuments | undefined {
  if (peers.length === 0) return configured?.documents;
  const nameOf = new Map(peers.map((p) => [p.root, p.name]));
  const relink = (peer: PeerFolder) => (doc: RationaleDocument): DocLink[] => {
    const targets = peer.linkTargets(doc);
    return doc.links.map((link, i) => {
      const t = targets[i];
      if (t?.root === root) return { ...link, target: t.path, targetIsPath: true };
      const name = t && nameOf.get(t.root);
      return { ...link, target: `${name ?? peer.name}:${name ? t!.path : link.target}`, targetIsPath: Boolean(name) };
    });
  };
  const contents: SourceContents[] = [...(configured?.contents ?? []), ...peers.map((p) => ({ name: p.name, documents: [...p.documents()], links: relink(p) }))];
  return collectSourceDocuments(contents, configured?.errors ?? []);
}

/**
 * A workspace folder's name as an id qualifier (`[A-Za-z][A-Za-z0-9_-]*`), unique among `taken`:
 * `My Strategy (2026)` → `My-Strategy-2026`, a second `api` → `api-2`.
 */
export function peerName(folderName: string, taken: ReadonlySet<string>): string {
  let base = folderName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '');
  if (!base) base = 'folder';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  return name;
}
