// How deep a JSON value nests, without recursion: JSON.parse takes any depth, but JSON.stringify
// and every recursive walk after it overflow the stack (a 20,000-deep field ended a whole run
// with "Maximum call stack size exceeded"). Readers skip a record nested deeper than this.
export const MAX_JSON_DEPTH = 1000;

export const tooDeepReason = (max = MAX_JSON_DEPTH) => `nested deeper than ${max} levels`;

/** Whether JSON text opens more than `max` arrays/objects inside one another (one linear scan; strings skipped). */
export function jsonTextTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) { if (++depth > max) return true; }
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The same test on a parsed value: an object or array counts one level. */
export function jsonValueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
