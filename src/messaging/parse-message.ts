import * as z from 'zod/mini';

/** Parses an incoming message against its direction's schema; null (and a console warning) when malformed. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown, receiver: string): T | null {
  const result = z.safeParse(schema, message);
  if (result.success) return result.data;
  console.warn(`[oncology-glossary] ${receiver} rejected a malformed message:`, result.error.issues);
  return null;
}
