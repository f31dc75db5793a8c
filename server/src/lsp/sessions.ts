import * as nodePath from 'node:path';
import { peerName, type PeerFolder } from './peerFolder.js';
import { WorkspaceSession, type WorkspaceSessionOptions } from './workspaceSession.js';

/** The workspace folders the server serves; every request is routed to the folder holding its URI. */
export class Sessions {
  private readonly list: WorkspaceSession[] = [];
  /** Each folder's name as the client gave it (multi-root workspaces qualify ids with it). */
  private readonly folderNames = new Map<WorkspaceSession, string>();
  /** The folders and their documents' versions as last linked: unchanged, nothing to do. */
  private linkedStamp = '';

  add(rootUri: string, options: WorkspaceSessionOptions = {}, folderName?: string): WorkspaceSession {
    const s = new WorkspaceSession(rootUri, options);
    this.list.push(s);
    this.folderNames.set(s, folderName ?? nodePath.basename(s.root));
    // Deepest first, so nested folders win.
    this.list.sort((a, b) => b.root.length - a.root.length);
    return s;
  }

  remove(rootUri: string): void {
    const i = this.list.findIndex((s) => s.rootUri === rootUri.replace(/\/$/, ''));
    if (i >= 0) this.folderNames.delete(this.list.splice(i, 1)[0]);
  }

  all(): readonly WorkspaceSession[] {
    return this.list;
  }

  /** Resolves once every folder has a snapshot to answer from (its documents at least). */
  /** Whether every folder has a snapshot to answer from (its documents at least). */
  get answerable(): boolean {
    return this.list.every((s) => s.isIndexed);
  }

  async whenAnswerable(): Promise<void> {
    await Promise.all(this.list.map((s) => s.whenAnswerable()));
  }

  /** The session and relative path for a document URI. */
  locate(uri: string): { session: WorkspaceSession; path: string } | undefined {
    for (const session of this.list) {
      const path = session.relative(uri);
      if (path !== undefined) return { session, path };
    }
    return undefined;
  }

  /**
   * Makes every folder see the others' documents (a multi-root workspace is one model). Call after
   * folders are added, removed or indexed, and after a folder's documents change; a folder whose
   * peers are as they were is left alone. Returns whether any folder's model changed.
   */
  linkPeers(): boolean {
    const stamp = [...this.folderNames].map(([s, name]) => `${s.root}|${name}|${s.isIndexed ? s.documentsVersion : '-'}`).join('\n');
    if (stamp === this.linkedStamp) return false;
    this.linkedStamp = stamp;
    const peers = this.peerFolders();
    let changed = false;
    // A folder's links into another resolve against what it joined of that one, so the first pass
    // can leave links resolved against the old documents; the second resolves them against the new.
    for (let pass = 0; pass < 2; pass++) {
      for (const s of this.list) {
        const others = peers.filter((p) => p.session !== s && !nested(p.session.root, s.root)).map((p) => p.peer);
        if (s.setPeers(others)) changed = true;
      }
    }
    return changed;
  }

  /** Every folder as a peer, named in the order the client listed them (stable across calls). */
  private peerFolders(): { session: WorkspaceSession; peer: PeerFolder }[] {
    const taken = new Set<string>();
    return [...this.folderNames].map(([session, folderName]) => {
      const name = peerName(folderName, taken);
      taken.add(name.toLowerCase());
      const peer: PeerFolder = {
        name,
        root: session.root,
        documents: () => session.ownDocuments(),
        linkTargets: (doc) => session.linkTargets(doc),
      };
      return { session, peer };
    });
  }
}

/** Whether one folder holds the other: its files are then already the other's own. */
function nested(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(y.endsWith(nodePath.sep) ? y : y + nodePath.sep);
  return inside(a, b) || inside(b, a);
}
