// Text from the user's data (file and folder names, experiment and class names, messages that
// quote them) made safe to print on a terminal: C0 and C1 control characters and DEL are shown
// as escapes, so a name cannot set the terminal's title, clear the screen or forge a line with CR.
// The CLI's own newlines are written outside these helpers.

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeControl = (ch: string): string => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** One line of user data: every control character escaped, newlines included. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, escapeControl);
}

/** A message that may span lines on purpose: control characters escaped except the newline. */
export function printableLines(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, escapeControl);
}

/** JSON text with DEL and C1 written as \u escapes (JSON.stringify escapes only C0): the same value, nothing a terminal acts on. */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
