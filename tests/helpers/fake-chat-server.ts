/**
 * A real HTTP server on 127.0.0.1 that speaks the Chat Completions wire format, so the real
 * `openai` package is exercised end to end: headers, status codes, retries, timeouts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: {
      type: string;
      json_schema?: { name: string; schema: Record<string, unknown> };
    };
    [key: string]: unknown;
  };
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value, or a string sent as is. */
  body?: unknown;
  /** Never answer (until the server closes). */
  hang?: boolean;
  /** Start a JSON reply and never finish it: 64 KiB chunks until the client goes away. */
  endless?: boolean;
}

export type Handler = (request: RecordedRequest, index: number) => Reply;

export interface FakeChatServer {
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export function completion(
  content: string | null,
  options: { refusal?: string; finishReason?: string } = {},
): Reply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: options.refusal ?? null },
          finish_reason: options.finishReason ?? 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 1200, completion_tokens: 400, total_tokens: 1600 },
    },
  };
}

export async function startFakeChatServer(handler: Handler): Promise<FakeChatServer> {
  const requests: RecordedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        at: Date.now(),
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as RecordedRequest['body'],
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length - 1);
      if (reply.hang) {
        hanging.push(res);
        return;
      }
      if (reply.endless) {
        hanging.push(res);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"x","object":"chat.completion","choices":[{"message":{"content":"');
        const chunk = 'a'.repeat(64 * 1024);
        const pump = () => {
          if (res.destroyed || res.writableEnded) return;
          if (res.write(chunk)) setImmediate(pump);
          else res.once('drain', pump);
        };
        res.on('close', () => res.destroy());
        pump();
        return;
      }
      const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
