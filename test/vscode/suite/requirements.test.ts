// Requirement tracing in the editor: the sample's PRD-0002 defines two OpenFastTrace items and
// src/billing/invoice.ts covers one of them with a tag (retry.py stays unopened for the settings suite).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, positionOf, rationaleIndexed, sampleUri, waitFor } from './sampleWorkspace';

suite('requirement tracing', () => {
  test('the Mental Model lists PRD-0002’s items with covered out of needed', async () => {
    const api = await rationaleIndexed();
    const labels = await waitFor('PRD-0002’s items in the Mental Model', async () => {
      const labels = await api.mentalModelLabels();
      return labels.some((l) => l.includes('req~notify-customer-of-failure~1')) ? labels : undefined;
    });
    const project = labels.findIndex((l) => /PRD-0002/.test(l));
    assert.ok(project >= 0, JSON.stringify(labels));
    const depth = (l: string) => l.length - l.trimStart().length;
    const children = labels.slice(project + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => depth(x) > depth(labels[project]))).map((l) => l.trim());
    assert.ok(children.includes('req~retry-keeps-due-date~1: 1/1 covered'), JSON.stringify(children));
    assert.ok(children.includes('req~notify-customer-of-failure~1: 0/1 covered'), JSON.stringify(children));
  });

  test('This File lists what invoice.ts covers, and a hover on the tag shows the item', async () => {
    const api = await rationaleIndexed();
    const uri = sampleUri('src/billing/invoice.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const rows = await waitFor('the covered item in This File', () => {
      const rows = api.thisFileRows();
      return rows.some((r) => r.startsWith('Covers req~retry-keeps-due-date~1')) ? rows : undefined;
    });
    const row = rows.find((r) => r.startsWith('Covers '));
    assert.equal(row, 'Covers req~retry-keeps-due-date~1 — A retry keeps the due date — impl · line 11 — 1/1 covered', JSON.stringify(rows));

    const position = positionOf(document, 'req~retry-keeps-due-date~1', 3);
    const text = await waitFor('a hover on the tag', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      const text = hoverText(hovers);
      return text.includes('req~retry-keeps-due-date~1') ? text : undefined;
    });
    assert.match(text, /A retry keeps the due date/, text);
    assert.match(text, /stays due 14 days after issue/, text);
    assert.match(text, /Project \*\*PRD-0002\*\* Payment retries → Goal \*\*GOAL-reliability\*\*/, text);
  });
});
