import { z } from 'zod';
import type { JsonObjectSchema } from '../../core/features/agentTools/agentTool.js';

/**
 * The MCP SDK validates tool input with zod; the tools declare theirs once, as JSON Schema data in
 * the core (which VS Code's package.json repeats). This turns one into the other: strings, enums and
 * whole numbers with a minimum are all the tools use, and anything else is a mistake caught here.
 */
export function zodInputSchema(schema: JsonObjectSchema): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(schema.properties)) {
    let field: z.ZodType;
    if (p.enum) field = z.enum(p.enum as [string, ...string[]]);
    else if (p.type === 'integer') field = p.minimum !== undefined ? z.number().int().min(p.minimum) : z.number().int();
    else if (p.type === 'string') field = z.string();
    else throw new Error(`input field ${name} has a type the MCP server does not map: ${String((p as { type: unknown }).type)}`);
    field = field.describe(p.description);
    shape[name] = schema.required?.includes(name) ? field : field.optional();
  }
  const object = z.object(shape);
  return schema.additionalProperties === false ? object.strict() : object;
}
