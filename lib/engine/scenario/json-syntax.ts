/**
 * Where is a JSON text broken? JSON.parse on Node 20 does not always say ("Unexpected token '}', … is not valid
 * JSON"), so when it fails this small scanner walks the text by the JSON grammar (RFC 8259) and reports the
 * offset and reason of the first error. Only used on failure, so it favours clarity over speed.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const found = () => (i >= text.length ? 'the end of the text' : JSON.stringify(text[i]));
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) fail(`expected ${what}, found ${found()}`);
    i++;
  };
  const string = () => {
    expect('"', 'a double-quoted string');
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character inside a string (escape it)');
      if (text[i] === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 5;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('bad escape in string');
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  /** The members of an object or array after its opening bracket: `member` each, comma-separated, then `close`. */
  const members = (close: '}' | ']', member: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === close) fail(`trailing comma before '${close}'`);
        continue;
      }
      expect(close, `',' or '${close}'`);
      return;
    }
  };
  const property = () => {
    ws();
    if (text[i] !== '"') fail(`expected a double-quoted property name, found ${found()}`);
    string();
    ws();
    expect(':', "':' after the property name");
    value();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return members('}', property);
    if (c === '[') return members(']', value);
    if (c === '"') return string();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail(i >= text.length ? 'unexpected end of the text: a value is missing' : `unexpected ${found()} where a value should be`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as JsonSyntaxError;
    throw e;
  }
}
