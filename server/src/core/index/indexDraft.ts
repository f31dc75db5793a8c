import { PersistentSortedMap } from '../base/persistentSortedMap.js';
import type { RationaleDocument } from '../documents/document.js';
import type { FileRequirements } from '../requirements/fileRequirements.js';
import type { FileAnnotations } from '../source/codeReference.js';
import type { FileList } from './fileList.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

/** One table of a draft: a persistent map that each write replaces, so the snapshot it came from stays as it was. */
export class TableDraft<V> {
  constructor(public map: PersistentSortedMap<V>) {}

  set(key: string, value: V): void {
    this.map = this.map.set(key, value);
  }

  delete(key: string): void {
    this.map = this.map.delete(key);
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }
}

/**
 * The next snapshot while an update writes it: the previous snapshot's tables, edited path by path.
 * Only the paths it drops and writes again cost anything; at the end the id table is patched with
 * the documents that left and came, instead of being rebuilt from every document.
 */
export class IndexDraft {
  readonly documents: TableDraft<RationaleDocument>;
  readonly annotations: TableDraft<FileAnnotations>;
  readonly hashes: TableDraft<string>;
  readonly requirements: TableDraft<FileRequirements>;
  private readonly touched = new Set<string>();

  constructor(private readonly previous: WorkspaceIndex) {
    this.documents = new TableDraft(previous.documents);
    this.annotations = new TableDraft(previous.annotations);
    this.hashes = new TableDraft(previous.hashes);
    this.requirements = new TableDraft(previous.requirements);
  }

  /** Forgets everything the snapshot knew of a file, before it is read again or because it is gone. */
  drop(path: string): void {
    this.touched.add(path);
    this.documents.delete(path);
    this.annotations.delete(path);
    this.hashes.delete(path);
    this.requirements.delete(path);
  }

  /** The finished snapshot over `fileList`, sharing everything undropped with the previous one. */
  finish(fileList: FileList): WorkspaceIndex {
    const removed: RationaleDocument[] = [];
    const added: RationaleDocument[] = [];
    for (const path of this.touched) {
      const before = this.previous.documents.get(path);
      const now = this.documents.get(path);
      // A document's requirement items live on the document; the requirements table lists them too.
      if (now?.requirements) this.requirements.set(path, now.requirements);
      if (before === now) continue;
      if (before) removed.push(before);
      if (now) added.push(now);
    }
    const idTable = this.previous.idTable.patched(removed, added);
    return {
      ...this.previous,
      files: fileList.files,
      fileSet: fileList.fileSet,
      documents: this.documents.map,
      byKey: idTable.byKey,
      idTable,
      annotations: this.annotations.map,
      hashes: this.hashes.map,
      requirements: this.requirements.map,
    };
  }
}
