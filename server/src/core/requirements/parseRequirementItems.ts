import { range, type Range } from '../base/range.js';
import { closesFence, fenceOpenedBy } from '../documents/codeFence.js';
import { splitFrontMatter } from '../documents/frontMatter.js';
import type { RequirementFinding } from './requirementFinding.js';
import { formatRequirementId, requirementIdPattern } from './requirementId.js';
import type { RequirementItem, RequirementReference } from './requirementItem.js';

/**
 * Reads OpenFastTrace specification items out of a Markdown document, the way OFT's Markdown
 * importer does (doc/user_guide.md, "Writing a Specification"):
 *
 *     ### Login with a password          <- the title
 *     `req~login~2`                      <- the id, alone on its line
 *     Users log in with a password.      <- the description, up to the next keyword
 *     Needs: impl, utest                 <- or a bullet list under `Needs:`
 *     Covers:
 *     * [feat~accounts~1](#accounts)     <- an id anywhere in each bullet
 *
 * `Depends:`, `Tags:`, `Status:`, `Rationale:`, `Comment:` and `Description:` are read too, and a
 * forward line (`arch --> dsn : req~web-ui~1`) stands for an item that forwards coverage. Fenced
 * and indented code blocks are examples, so nothing in them counts; neither does anything between
 * `<!-- oft:off -->` and `<!-- oft:on -->`. An item ends at the next heading, id or forward line.
 *
 * One pass over the lines, each matched by anchored or prefiltered patterns, so linear in the
 * text; never throws: what looks like an item but is not one becomes a `malformed-requirement`.
 */
export function parseRequirementItems(path: string, markdownText: string): { items: RequirementItem[]; problems: RequirementFinding[] } {
  const parser = new ItemParser(path);
  // Front matter is YAML, not Markdown: an id in it is a value, not an item.
  const bodyStart = splitFrontMatter(markdownText)?.bodyOffset ?? 0;
  forEachLine(markdownText, (line, n, start) => {
    if (start >= bodyStart) parser.line(line, n);
  });
  parser.endItem();
  return { items: parser.items, problems: parser.problems };
}

type Section = 'description' | 'rationale' | 'comment' | 'needs' | 'covers' | 'depends' | 'tags' | 'other';

const keywordSections: Record<string, Section> = {
  Needs: 'needs', Covers: 'covers', Depends: 'depends', Tags: 'tags', Status: 'other',
  Description: 'description', Rationale: 'rationale', Comment: 'comment',
};

/** `` `req~login~2` `` alone on a line (the backticks are optional, as in OFT). Groups: indent, tick, type, name, revision. */
const idLine = new RegExp(String.raw`^( {0,3})(\x60?)${requirementIdPattern}\2[ \t]*$`, 'u');
/** Inline code that starts like an id (`` `req~login` ``) but is not one: probably a typo. */
const idLikeLine = /^ {0,3}`([A-Za-z]+~[^`]*)`[ \t]*$/;
/** Groups: everything before the content, the keyword, the content. */
const keywordLine = /^( {0,3}(Needs|Covers|Depends|Tags|Status|Description|Rationale|Comment):[ \t]*)(.*?)[ \t]*$/;
/** Groups: the bullet with its indent and blanks, the content. */
const bulletLine = /^([ \t]{0,3}[+*-][ \t]+)(.*?)[ \t]*$/;
const atxHeading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** OFT takes three or more `=` or `-` under a line as that line's heading. */
const setextUnderline = /^ {0,3}(?:={3,}|-{3,})[ \t]*$/;
const indentedCode = /^(?: {4}|\t)/;
const oftSwitch = /^[ \t]*<!--[ \t]*oft:(on|off)[ \t]*-->[ \t]*$/;
/** An id anywhere in a line, starting a word. Groups: type, name, revision. */
const idInText = new RegExp(String.raw`(?<![\p{L}\p{N}_~])${requirementIdPattern}`, 'gu');
/** `arch --> dsn, itest : req~web-ui~1`. Groups: skipped type, target types, then the id's three parts. */
const forwardNotation = new RegExp(String.raw`(?<![A-Za-z])([A-Za-z]+)[ \t]*-->[ \t]*([A-Za-z]+(?:[ \t]*,[ \t]*[A-Za-z]+)*)[ \t]*:[ \t]*\x60?${requirementIdPattern}`, 'u');
const artifactType = /^[A-Za-z]+$/;

interface OpenItem {
  item: RequirementItem;
  section: Section;
  description: { line: number; text: string }[];
}

class ItemParser {
  readonly items: RequirementItem[] = [];
  readonly problems: RequirementFinding[] = [];
  private open: OpenItem | undefined;
  /** The run of backticks or tildes that opened the code fence we are in. */
  private fence: string | undefined;
  private oftOff = false;
  /** The last heading, while only blank lines follow it: the title of an id that comes next. */
  private heading: string | undefined;
  /** The previous line when it was plain text, which a setext underline turns into a heading. */
  private previousText: { line: number; text: string } | undefined;

  constructor(private readonly path: string) {}

  line(text: string, n: number): void {
    const previousText = this.previousText;
    this.previousText = undefined;
    if (this.fence) {
      if (closesFence(text, this.fence)) this.fence = undefined;
      return;
    }
    const fence = fenceOpenedBy(text);
    if (fence) {
      this.fence = fence;
      this.heading = undefined;
      return;
    }
    const onOff = oftSwitch.exec(text);
    if (onOff) {
      this.oftOff = onOff[1] === 'off';
      return;
    }
    if (this.oftOff) return;

    if (text.trim() === '') {
      this.addDescription(n, '');
      return;
    }
    if (indentedCode.test(text)) {
      this.heading = undefined;
      this.addDescription(n, text);
      return;
    }
    const heading = atxHeading.exec(text);
    if (heading) {
      this.endItem();
      this.heading = heading[1] ?? '';
      return;
    }
    if (previousText && setextUnderline.test(text)) {
      this.dropDescriptionFrom(previousText.line);
      this.endItem();
      this.heading = previousText.text.trim();
      return;
    }
    const title = this.heading;
    this.heading = undefined;

    const id = idLine.exec(text);
    if (id) {
      this.endItem();
      this.startItem(id, n, title);
      return;
    }
    const idLike = idLikeLine.exec(text);
    if (idLike) {
      const start = text.indexOf(idLike[1]);
      this.problem(range(n, start, n, start + idLike[1].length), `\`${idLike[1]}\` looks like a specification item id, but an id is type~name~revision, such as \`req~login~1\`.`);
      return;
    }
    if (text.includes('-->') && this.forward(text, n)) return;

    const open = this.open;
    if (!open) {
      this.previousText = { line: n, text };
      return;
    }
    const keyword = keywordLine.exec(text);
    if (keyword) {
      const [, before, name, rest] = keyword;
      open.section = keywordSections[name];
      if (name === 'Status' && rest !== '') open.item.status = rest;
      if (rest !== '') this.entries(open, rest, n, before.length, true);
      // Status comes before the description, which follows it without a keyword.
      if (name === 'Status') open.section = 'description';
      return;
    }
    const bullet = bulletLine.exec(text);
    if (bullet && isListSection(open.section)) {
      this.entries(open, bullet[2], n, bullet[1].length, false);
      return;
    }
    if (isListSection(open.section)) open.section = 'other';
    this.addDescription(n, text);
    this.previousText = { line: n, text };
  }

  /** Closes the open item, if any. */
  endItem(): void {
    const open = this.open;
    if (!open) return;
    open.item.text = open.description.map((l) => l.text).join('\n').trim();
    this.items.push(open.item);
    this.open = undefined;
  }

  private startItem(m: RegExpExecArray, n: number, title: string | undefined): void {
    const start = m[1].length + m[2].length;
    const id = formatRequirementId({ type: m[3], name: m[4], revision: Number(m[5]) });
    const item: RequirementItem = {
      id, type: m[3], name: m[4], revision: Number(m[5]), text: '', file: this.path,
      range: range(n, start, n, start + id.length), needs: [], covers: [], depends: [], tags: [],
    };
    if (title) item.title = title;
    this.open = { item, section: 'description', description: [] };
  }

  /** A forward line outside an item's prose: an item of the skipped type that covers the original and needs the targets. */
  private forward(text: string, n: number): boolean {
    if (this.open && isProseSection(this.open.section)) return false;
    const m = forwardNotation.exec(text);
    if (!m) return false;
    this.endItem();
    const [, skipped, targets, type, name, revision] = m;
    const original = formatRequirementId({ type, name, revision: Number(revision) });
    const end = m.index + m[0].length;
    this.items.push({
      id: formatRequirementId({ type: skipped, name, revision: Number(revision) }), type: skipped, name, revision: Number(revision),
      text: '', file: this.path, range: range(n, m.index, n, end),
      needs: targets.split(',').map((t) => t.trim()), covers: [{ id: original, range: range(n, end - original.length, n, end) }],
      depends: [], tags: [], forwarded: true,
    });
    return true;
  }

  /** Entries of a list section, from a bullet or from the text after the keyword (`Needs: impl, utest`). */
  private entries(open: OpenItem, text: string, n: number, offset: number, inline: boolean): void {
    const item = open.item;
    switch (open.section) {
      case 'needs':
        for (const { word, at } of commaSeparated(text)) {
          const type = word.replace(/^`(.*)`$/, '$1');
          if (artifactType.test(type)) item.needs.push(type);
          else this.problem(range(n, offset + at, n, offset + at + word.length), `"${word}" is not an artifact type in the Needs of ${item.id}: use letters only, such as impl, utest.`);
        }
        return;
      case 'covers':
      case 'depends': {
        const refs = idsIn(text, n, offset);
        const list = open.section === 'covers' ? item.covers : item.depends;
        list.push(...(inline ? refs : refs.slice(0, 1)));
        if (refs.length > 0) return;
        const keyword = open.section === 'covers' ? 'Covers' : 'Depends';
        // Most often an id that lost its revision, as in `feat~requirement-tracing`.
        const almost = /[A-Za-z]+~[^\s\])`'"]*/.exec(text);
        if (almost) {
          const at = offset + almost.index;
          this.problem(range(n, at, n, at + almost[0].length), `\`${almost[0]}\` in the ${keyword} of ${item.id} is not an item id: an id is type~name~revision, such as \`req~login~1\`.`);
        } else this.problem(range(n, offset, n, offset + text.length), `This ${keyword} entry of ${item.id} names no item: write an id such as \`req~login~1\`.`);
        return;
      }
      case 'tags':
        for (const { word } of commaSeparated(text)) item.tags.push(word);
        return;
      default:
        this.addDescription(n, text);
    }
  }

  private addDescription(n: number, text: string): void {
    if (this.open?.section === 'description') this.open.description.push({ line: n, text });
  }

  /** A setext heading's text was read as description before its underline showed what it was. */
  private dropDescriptionFrom(line: number): void {
    const description = this.open?.description;
    while (description?.length && description[description.length - 1].line >= line) description.pop();
  }

  private problem(at: Range, message: string): void {
    this.problems.push({ path: this.path, range: at, severity: 'warning', code: 'malformed-requirement', decision: null, message });
  }
}

function isListSection(s: Section): boolean {
  return s === 'needs' || s === 'covers' || s === 'depends' || s === 'tags';
}

function isProseSection(s: Section): boolean {
  return s === 'description' || s === 'rationale' || s === 'comment';
}

/** Every id in `text` (which starts at `offset` on line `n`), with its range. */
function idsIn(text: string, n: number, offset: number): RequirementReference[] {
  const refs: RequirementReference[] = [];
  idInText.lastIndex = 0;
  for (let m = idInText.exec(text); m; m = idInText.exec(text)) {
    refs.push({ id: m[0], range: range(n, offset + m.index, n, offset + m.index + m[0].length) });
  }
  return refs;
}

function commaSeparated(text: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const re = /[^,\s]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[0], at: m.index });
  return out;
}

/** Calls `visit` with each line (without its `\r\n` or `\n`), its zero-based number and its offset. */
function forEachLine(text: string, visit: (line: string, n: number, start: number) => void): void {
  let start = 0;
  for (let n = 0; start <= text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    visit(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), n, start);
    if (nl < 0) break;
    start = nl + 1;
  }
}
