/**
 * The tabwriter port (Go text/tabwriter's column blocks, hand-derived cases) and the command lines the learner types.
 */
import { commandLine } from '@/lib/troubleshoot';
import { DESCRIBE_TABS, GET_TABS, tabwrite } from '@/lib/troubleshoot/tabwriter';

describe('tabwrite', () => {
  it("pads every tab-terminated cell to its column's widest cell + padding, at least minwidth; the last cell is left alone", () => {
    expect(tabwrite('a\tbb\tc\naaaa\tb\tlonger text\n', GET_TABS)).toBe(
      'a      bb    c\naaaa   b     longer text\n',
    );
  });

  it('a line with fewer cells ends a column block; the next block is aligned on its own', () => {
    const text = 'Name:\tx\nA much longer key:\ty\nbreak\nK:\tz\n';
    expect(tabwrite(text, DESCRIBE_TABS)).toBe(
      'Name:               x\nA much longer key:  y\nbreak\nK:  z\n',
    );
  });

  it('an inner column block only spans the lines that have that column', () => {
    const text = 'Port:\thttp\t80/TCP\nTargetPort:\t8080/TCP\nNodePort:\thttp-alt\t30080/TCP\n';
    expect(tabwrite(text, DESCRIBE_TABS)).toBe(
      'Port:        http  80/TCP\nTargetPort:  8080/TCP\nNodePort:    http-alt  30080/TCP\n',
    );
  });

  it("an empty tab-terminated cell is padded too (describe's trailing spaces), and runes count as one", () => {
    expect(tabwrite('Endpoints:\t\nIP:\t1\n', DESCRIBE_TABS)).toBe('Endpoints:  \nIP:         1\n');
    expect(tabwrite('é\tx\nab\ty\n', DESCRIBE_TABS)).toBe('é   x\nab  y\n');
  });

  it('text without a final newline keeps its last line unterminated', () => {
    expect(tabwrite('a\tb\ncc\td', GET_TABS)).toBe('a     b\ncc    d');
  });
});

describe('commandLine', () => {
  it('kubectl get with the resources joined by commas, -o wide when asked', () => {
    expect(commandLine({ kind: 'get', resources: ['svc', 'endpointslices', 'pods'], wide: true })).toBe(
      'kubectl get svc,endpointslices,pods -o wide',
    );
    expect(commandLine({ kind: 'get', resources: ['pods'] })).toBe('kubectl get pods');
  });
  it('kubectl describe RESOURCE NAME', () => {
    expect(commandLine({ kind: 'describe', resource: 'endpointslice', name: 'web-x4k2z' })).toBe(
      'kubectl describe endpointslice web-x4k2z',
    );
  });
  it('curl, through kubectl exec from a Pod', () => {
    expect(commandLine({ kind: 'curl', url: 'http://10.96.0.10/' })).toBe(
      'curl -sS --connect-timeout 5 http://10.96.0.10/',
    );
    expect(
      commandLine({ kind: 'curl', url: 'http://10.96.0.10/', connectTimeout: 2, fromPod: 'client' }),
    ).toBe('kubectl exec client -- curl -sS --connect-timeout 2 http://10.96.0.10/');
  });
});
