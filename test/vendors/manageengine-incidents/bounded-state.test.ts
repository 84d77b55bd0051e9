import { NAME_INDEX } from '../../../src/vendors/manageengine-incidents/seed/incidents';
import { manageEngineMock, ME_KEY } from './helpers';

/**
 * What the ManageEngine incidents mock keeps besides the vendor data stays bounded however long it runs:
 * its behaviours index incidents by name (names are unique), and that index must forget what is gone.
 */
describe('bookkeeping stays flat over a long run', () => {
  it('ManageEngine incidents created and deleted leave the name index as it was', async () => {
    const { app, http } = await manageEngineMock();
    const index = () => app.mock.store.collection(NAME_INDEX).size;
    const before = index();
    for (let i = 0; i < 25; i++) {
      const created = await http
        .post('/api/v2/incident')
        .set(ME_KEY)
        .send({ name: `churn ${i}`, severity: 'attention' });
      expect(created.status).toBe(200);
      const id = created.body.data.incident_id as number;
      // A rename frees the old name too.
      const renamed = await http
        .put('/api/v2/incident')
        .set(ME_KEY)
        .send({ incident_id: id, name: `renamed ${i}` });
      expect(renamed.status).toBe(200);
      expect(
        (
          await http
            .delete('/api/v2/incident')
            .set(ME_KEY)
            .send({ incident_ids: [id] })
        ).status,
      ).toBe(200);
    }
    expect(index()).toBe(before);
  });
});
