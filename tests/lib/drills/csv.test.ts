import { CSV_COLUMNS, csvCell, csvValue, toCsv, type CsvRecord } from '@/lib/drills/csv';
import { parseCsv } from '../../support/parse-csv';

const record = (over: Partial<CsvRecord>): CsvRecord => ({
  drill: 'ABC234', student: 'Ada', same_name: null, attempt: 1, attempt_id: 'a1', status: 'submitted', question: 'q1', kind: 'source-ip',
  difficulty: 'intro', seed: 's1', answer: '{"a":"b"}', score: 1, misconception: null, misconception_label: null, ...over,
});

describe('csvCell', () => {
  it.each([
    ['plain text as is', 'Ada', 'Ada'],
    ['a comma quoted', 'Lovelace, Ada', '"Lovelace, Ada"'],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['a newline quoted', 'a\nb', '"a\nb"'],
    ['null as empty', null, ''],
    ['a number as digits', 0.5, '0.5'],
    ['a formula defused', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading plus defused', '+1', "'+1"],
    ['a leading at defused', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading apostrophe kept', "'=1", "''=1"],
  ])('writes %s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvValue', () => {
  it.each(['-MyO0H6OCOsEa_gAsxG3sk_nXjDQ3o6rKxN1iFiqq6E', '=1+1', '+1', '@SUM(A1)', "'quoted", "'=1", 'plain', ''])('reads back %j as written', (value) => {
    const [, row] = parseCsv(`h\r\n${csvCell(value)}\r\n`);
    expect(csvValue(row?.[0] ?? '')).toBe(value);
  });
});

describe('toCsv', () => {
  it('writes the header and one line per record, CRLF-terminated', () => {
    const text = toCsv([record({}), record({ student: 'Bob', score: 0 })]);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[2]?.[1]).toBe('Bob');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('round-trips awkward names and JSON answers through a CSV reader', () => {
    const student = '<script>alert("x")</script>, "Bobby"\nTables';
    const answer = '{"sourceIp":"10.0.0.1","share":"1/6"}';
    const rows = parseCsv(toCsv([record({ student, answer })]));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('student')]).toBe(student);
    expect(rows[1]?.[CSV_COLUMNS.indexOf('answer')]).toBe(answer);
  });

  it('writes only the header for no records', () => {
    expect(parseCsv(toCsv([]))).toEqual([[...CSV_COLUMNS]]);
  });
});
