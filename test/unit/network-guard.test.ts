import net from 'node:net';
import dns from 'node:dns';
import { describe, expect, it } from 'vitest';

describe('test network guard', () => {
  it('refuses a connection to a public address before sending anything', () => {
    expect(() => net.connect({ host: '93.184.216.34', port: 80 })).toThrow(/network guard/);
  });

  it('refuses a connection to a private address', () => {
    expect(() => net.connect(80, '10.0.0.1')).toThrow(/network guard/);
  });

  it('refuses to resolve a public host name', async () => {
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(/network guard/);
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(/network guard/);
  });

  it('lets loopback through', async () => {
    const server = net.createServer((s) => s.end('hi'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const text = await new Promise<string>((resolve, reject) => {
      const sock = net.connect({ host: '127.0.0.1', port });
      let data = '';
      sock.on('data', (d) => (data += d));
      sock.on('end', () => resolve(data));
      sock.on('error', reject);
    });
    server.close();
    expect(text).toBe('hi');
  });

  it('refuses fetch() to a public host', async () => {
    const err = await fetch('http://93.184.216.34/').catch((e: Error) => e);
    expect(String((err as Error).cause)).toMatch(/network guard/);
  });
});
