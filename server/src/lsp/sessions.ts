import { WorkspaceSession, type WorkspaceSessionOptions } from './workspaceSession.js';

/** The workspace folders the server serves; every request is routed to the folder holding its URI. */
export class Sessions {
  private readonly list: WorkspaceSession[] = [];

  add(rootUri: string, options: WorkspaceSessionOptions = {}): WorkspaceSession {
    const s = new WorkspaceSession(rootUri, options);
    this.list.push(s);
    // Deepest first, so nested folders win.
    this.list.sort((a, b) => b.root.length - a.root.length);
    return s;
  }

  remove(rootUri: string): void {
    const i = this.list.findIndex((s) => s.rootUri === rootUri.replace(/\/$/, ''));
    if (i >= 0) this.list.splice(i, 1);
  }

  all(): readonly WorkspaceSession[] {
    return this.list;
  }

  /** The session and relative path for a document URI. */
  locate(uri: string): { session: WorkspaceSession; path: string } | undefined {
    for (const session of this.list) {
      const path = session.relative(uri);
      if (path !== undefined) return { session, path };
    }
    return undefined;
  }
}
