import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { agentTools } from '../../../server/src/core/features/agentTools/registry.js';

const repo = new URL('../../../../', import.meta.url);

interface ToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  inputSchema: unknown;
}

describe('the agent tools in package.json and the client', () => {
  const pkg = JSON.parse(fs.readFileSync(new URL('package.json', repo), 'utf8')) as { activationEvents: string[]; contributes: { languageModelTools: ToolContribution[]; mcpServerDefinitionProviders: { id: string }[] } };

  it('declares each core tool as a language-model tool, with the core\'s description and input schema', () => {
    const declared = pkg.contributes.languageModelTools;
    assert.deepEqual(declared.map((t) => t.name), agentTools.map((t) => t.name));
    for (const tool of agentTools) {
      const d = declared.find((x) => x.name === tool.name)!;
      assert.equal(d.modelDescription, tool.description, tool.name);
      assert.deepEqual(d.inputSchema, tool.inputSchema, tool.name);
      assert.ok(d.displayName.startsWith('Rationale: '), tool.name);
      assert.ok(pkg.activationEvents.includes(`onLanguageModelTool:${tool.name}`), tool.name);
    }
  });

  it('the client registers the same names, and announces the MCP server package.json declares', () => {
    const client = fs.readFileSync(new URL('client/src/agentTools.ts', repo), 'utf8');
    const listed = /agentToolNames: readonly AgentToolName\[\] = \[([^\]]*)\]/.exec(client)?.[1] ?? '';
    assert.deepEqual([...listed.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]), agentTools.map((t) => t.name));
    const providers = pkg.contributes.mcpServerDefinitionProviders.map((p) => p.id);
    assert.deepEqual(providers, ['rationale.mcp']);
    assert.match(client, /registerMcpServerDefinitionProvider\('rationale\.mcp'/);
  });
});
