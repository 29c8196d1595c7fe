import { describe, expect, it } from 'vitest';
import { askOnce } from '../../src/extract/fields-cache.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

describe('askOnce', () => {
  it('asks fields_get once per model and attributes, and asks again after a refusal', async () => {
    const asked: string[] = [];
    let refuse = true;
    const odoo = {
      fieldsGet: async (model: string) => {
        asked.push(model);
        if (model === 'account.move' && refuse) {
          refuse = false;
          throw new Error('AccessError');
        }
        return { id: { type: 'integer' } };
      },
    } as unknown as OdooClient;
    const fieldsOf = askOnce(odoo);
    await fieldsOf('res.partner', ['type']);
    await fieldsOf('res.partner', ['type']);
    await fieldsOf('res.partner', ['type', 'store']);
    await expect(fieldsOf('account.move', ['type'])).rejects.toThrow('AccessError');
    await fieldsOf('account.move', ['type']);
    expect(asked).toEqual(['res.partner', 'res.partner', 'account.move', 'account.move']);
  });
});
