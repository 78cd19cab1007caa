import type { ServerResponse } from 'node:http';
import { CoalescingWriter } from './coalescing-writer.js';

/** A response that records what is written to it. */
function recordingResponse() {
  const calls: string[] = [];
  const res = {
    writableEnded: false,
    destroyed: false,
    write(text: string) {
      calls.push(`write ${text}`);
      return true;
    },
    end() {
      calls.push('end');
      res.writableEnded = true;
    },
  };
  return { res: res as unknown as ServerResponse, calls };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingWriter', () => {
  test('lines written in one turn of the event loop go out as one write, in order', async () => {
    // GIVEN a writer over a recording response
    const { res, calls } = recordingResponse();
    const writer = new CoalescingWriter(res);
    // WHEN three lines are written in the same turn
    writer.write('a\n');
    writer.write('b\n');
    writer.write('c\n');
    // THEN nothing is written yet, and one write carries all three once the turn is over
    expect(calls).toEqual([]);
    await nextTurn();
    expect(calls).toEqual(['write a\nb\nc\n']);
  });

  test('ending the writer writes the pending lines before ending the response', () => {
    // GIVEN a line waiting for the end of the turn
    const { res, calls } = recordingResponse();
    const writer = new CoalescingWriter(res);
    writer.write('last\n');
    // WHEN the writer is ended in the same turn
    writer.end();
    // THEN the line is written, then the response ends
    expect(calls).toEqual(['write last\n', 'end']);
  });

  test('a large burst is written at once instead of growing without bound', () => {
    // GIVEN a writer
    const { res, calls } = recordingResponse();
    const writer = new CoalescingWriter(res);
    // WHEN more than 64 KiB is queued in one turn
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 64; i++) writer.write(line);
    // THEN it has been written already, whole and in one piece
    expect(calls).toEqual([`write ${line.repeat(64)}`]);
  });

  test('nothing is written to a response that is already closed', async () => {
    // GIVEN a pending line on a response the client has gone away from
    const { res, calls } = recordingResponse();
    const writer = new CoalescingWriter(res);
    writer.write('lost\n');
    (res as unknown as { destroyed: boolean }).destroyed = true;
    // WHEN the turn ends
    await nextTurn();
    // THEN no write is attempted
    expect(calls).toEqual([]);
  });
});
