// The congress of bench/fanout.bench.ts, made through the API of a real server like setUpCongress of
// src/modules/congress/congress.test-support.ts, but for thousands of members (generated Vietnamese names; that
// helper's letter suffixes stop at 26) created a few requests at a time.
import type { remoteClient } from '../../src/modules/congress/congress.test-support.js';
import { personName } from './names.js';
import { createRandom } from './prng.js';

type Client = Awaited<ReturnType<typeof remoteClient>>;

export async function setUpLargeCongress(client: Client, members: number, concurrency = 8) {
  const org = await client.call('POST', '/api/orgs', { name: 'Đảng bộ phường Đình Bảng', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' });
  if (org.status !== 201) throw new Error(`org: ${JSON.stringify(org.json)}`);
  const orgId = org.json.id as number;
  const random = createRandom(20_251_128);
  const bodies = Array.from({ length: members }, (_, i) => {
    const gender = i % 3 === 0 ? 'female' : 'male';
    return {
      fullName: personName(random, gender),
      gender,
      birthDate: `${1955 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`,
      ethnicity: 'Kinh',
      religion: null,
      hometown: null,
      education: null,
      theoryLevel: null,
      admittedOn: '2010-01-01',
      officialOn: '2011-01-01',
      cardNumber: null,
      position: null,
    };
  });
  const worker = async () => {
    for (let body = bodies.pop(); body; body = bodies.pop()) {
      const r = await client.call('POST', `/api/orgs/${orgId}/members`, body);
      if (r.status !== 201) throw new Error(`member: ${JSON.stringify(r.json)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const congress = await client.call('POST', '/api/congresses', { orgId, title: 'Đại hội Đảng bộ phường Đình Bảng lần thứ I', kind: 'members', opensOn: '2025-08-01', closesOn: '2025-08-01' });
  if (congress.status !== 201) throw new Error(`congress: ${JSON.stringify(congress.json)}`);
  const congressId = congress.json.id as number;
  const picked = await client.call('POST', `/api/congresses/${congressId}/delegates`, { allActiveMembers: true });
  if (picked.status >= 300) throw new Error(`delegates: ${JSON.stringify(picked.json)}`);
  const issued = await client.call('POST', `/api/congresses/${congressId}/tokens`, { scope: 'all' });
  if (issued.status >= 300) throw new Error(`tokens: ${JSON.stringify(issued.json)}`);
  return { orgId, congressId, tokens: issued.json as { delegateId: number; token: string }[] };
}
