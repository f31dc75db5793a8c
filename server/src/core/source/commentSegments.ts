import type { CommentSyntax } from './commentSyntax.js';
import { lexSource, type SourceVisitor } from './lexSource.js';

/**
 * One line's worth of comment text: `[start, end)` offsets into the file, on zero-based `line` whose
 * first character is at `lineStart`. `commentEnd` is where the whole comment ends (after a block
 * comment's closer), so a directive inside a multi-line block can target the line after the block.
 */
export type CommentSegmentVisitor = (start: number, end: number, line: number, lineStart: number, commentEnd: number) => void;

const CR = 13;

function trimCr(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

/** Reports the text of every comment the lexer (lexSource.ts) finds in `text`, line by line. */
export function forEachCommentSegment(text: string, syntax: CommentSyntax, visit: CommentSegmentVisitor): void {
  lexSource(text, syntax, new SegmentVisitor(text, visit));
}

/**
 * Splits comments into lines. Lines are counted with one cursor that only moves forward (the next
 * line break is looked up once, after the previous one is passed), so counting is linear in the text.
 */
class SegmentVisitor implements SourceVisitor {
  private line = 0;
  private lineStart = 0;
  private nextBreak: number;

  constructor(
    private readonly text: string,
    private readonly visit: CommentSegmentVisitor,
  ) {
    this.nextBreak = text.indexOf('\n');
  }

  comment(start: number, contentStart: number, contentEnd: number, end: number): void {
    const { text } = this;
    this.passBreaksBefore(start);
    let segStart = contentStart;
    while (this.nextBreak >= 0 && this.nextBreak < contentEnd) {
      this.visit(segStart, trimCr(text, segStart, this.nextBreak), this.line, this.lineStart, end);
      this.passBreak();
      segStart = this.lineStart;
    }
    this.visit(segStart, trimCr(text, segStart, contentEnd), this.line, this.lineStart, end);
  }

  string(): void {
    // Annotations live in comments only; string contents are the code's data.
  }

  private passBreaksBefore(p: number): void {
    while (this.nextBreak >= 0 && this.nextBreak < p) this.passBreak();
  }

  private passBreak(): void {
    this.line++;
    this.lineStart = this.nextBreak + 1;
    this.nextBreak = this.text.indexOf('\n', this.lineStart);
  }
}
