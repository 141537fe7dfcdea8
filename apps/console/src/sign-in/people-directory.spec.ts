import { AttendancePeopleDirectory, pageOf } from './people-directory';

const SECRET = 'a-dev-secret-of-16+chars';

describe('the development sign-in’s people from attendance', () => {
  afterEach(() => jest.restoreAllMocks());

  it('follows the directory’s pages to the end, 1,000 at a time', async () => {
    const asked: string[] = [];
    const pages: Record<string, { items: object[]; nextCursor: string | null }> = {
      '': { items: [{ agentId: 'A1', name: '李娜' }, { agentId: 'A2', active: false }], nextCursor: 'p2' },
      p2: { items: [{ agentId: 'A3', name: '赵敏', role: 'agent' }], nextCursor: null },
    };
    jest.spyOn(global, 'fetch').mockImplementation(async (input) => {
      const url = new URL(String(input));
      asked.push(url.search);
      return new Response(JSON.stringify(pages[url.searchParams.get('cursor') ?? '']), { status: 200 });
    });
    const list = await new AttendancePeopleDirectory('http://attendance', SECRET).list();
    expect(asked).toEqual(['?limit=1000', '?limit=1000&cursor=p2']);
    expect(list.agentsLoaded).toBe(true);
    // The inactive agent is left out; the staff personas follow.
    expect(list.people.slice(0, 2).map((p) => p.id)).toEqual(['A1', 'A3']);
  });

  it('gives the staff personas alone when the pages do not end', async () => {
    jest.spyOn(global, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ items: [{ agentId: 'A1' }], nextCursor: 'same' }), { status: 200 }));
    const list = await new AttendancePeopleDirectory('http://attendance', SECRET).list();
    expect(list.agentsLoaded).toBe(false);
    expect(list.people.some((p) => p.id === 'A1')).toBe(false);
  });

  it('reads a page, or a bare list as the whole directory', () => {
    expect(pageOf({ items: [{ agentId: 'A1' }, { name: 'no id' }], nextCursor: 'x' })).toEqual({ items: [{ agentId: 'A1' }], nextCursor: 'x' });
    expect(pageOf([{ agentId: 'A1' }])).toEqual({ items: [{ agentId: 'A1' }], nextCursor: null });
    expect(pageOf({ agents: [{ agentId: 'A1' }] })).toEqual({ items: [], nextCursor: null });
  });
});
