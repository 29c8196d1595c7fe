import { describe, expect, it } from 'vitest';
import { isConnectionLoss, WarehouseConnectionLost } from '../../src/db/connection-errors.ts';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isConnectionLoss', () => {
  it('is true for what clients see when PostgreSQL restarts or the network drops', () => {
    for (const error of [
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('terminating connection because of crash of another server process', '57P02'),
      withCode('the database system is starting up', '57P03'),
      withCode('connection failure', '08006'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
    ]) {
      expect(isConnectionLoss(error), error.message).toBe(true);
    }
  });

  it('is false for a failed statement, a usage error or a non-error', () => {
    for (const error of [
      withCode('relation "raw_x" does not exist', '42P01'),
      withCode('duplicate key value violates unique constraint "p"', '23505'),
      withCode('canceling statement due to statement timeout', '57014'),
      new Error('Connection terminated because the run was killed'),
      'Connection terminated unexpectedly',
      null,
    ]) {
      expect(isConnectionLoss(error)).toBe(false);
    }
  });
});

describe('WarehouseConnectionLost', () => {
  it('says what happened, the server\'s own words and what to do, in one line', () => {
    const error = new WarehouseConnectionLost(withCode('terminating connection due to administrator command\nDETAIL: x', '57P01'));
    expect(error.message).toBe('lost the connection to the warehouse database (terminating connection due to administrator command): rerun when it is back');
  });
});
