// The client's list and detail calls against a bare undici request plus JSON.parse of the same
// URL, alternating so that both see the same machine.
import { Agent, request } from 'undici';
import { requireOut } from '../support/paths.mjs';
import { median, time } from '../support/stats.mjs';

const { RegistryClient } = requireOut('src/registry/client.js');

/**
 * `{list, detail, detailCalls}`, each `{client, bare, ratio}`: median milliseconds per call and
 * the median ratio of a client call to the bare request for the same URL right beside it.
 */
export async function measureRequests(registry, { listRounds, detailCount, detailRounds }) {
  const client = new RegistryClient({
    name: 'bench',
    url: registry.url,
    timeoutMs: 120_000,
    connections: 8,
  });
  const agent = new Agent({ connections: 8, keepAliveTimeout: 10_000 });
  const bare = async (url) => {
    const response = await request(url, { dispatcher: agent });
    return JSON.parse(await response.body.text());
  };
  const listUrl = `${registry.url}/registry/v2/vm`;
  try {
    const listed = await client.listTemplates();
    const step = Math.max(1, Math.floor(listed.length / detailCount));
    const ids = listed
      .map((template) => template.id)
      .sort()
      .filter((_, index) => index % step === step - 1);
    const detailUrl = (id) => `${listUrl}?id=${encodeURIComponent(id)}`;
    // Warm both paths (sockets, JIT, the registry's caches) with a full round each.
    for (let round = 0; round < 3; round++) {
      await client.listTemplates();
      await bare(listUrl);
    }
    await sequence(ids, (id) => client.getTemplate(id));
    await sequence(ids, (id) => bare(detailUrl(id)));
    const list = await pairs(listRounds, () => client.listTemplates(), () => bare(listUrl));
    const detailIds = Array.from({ length: detailRounds }, () => ids).flat();
    const detail = await pairs(
      detailIds.length,
      (index) => client.getTemplate(detailIds[index]),
      (index) => bare(detailUrl(detailIds[index])),
    );
    return { list, detail, detailCalls: ids.length };
  } finally {
    await client.close();
    await agent.close();
  }
}

/**
 * Times `count` calls of each, interleaved call by call (which goes first alternates), so that
 * both meet the same machine. Returns the median time per call of each and the median of the
 * per-call ratios: the detail calls mix small templates and ones with 200 tags, so the ratio
 * is taken call by call, never between two medians that may fall on different sizes.
 */
async function pairs(count, clientCall, bareCall) {
  const clientTimes = [];
  const bareTimes = [];
  const ratios = [];
  for (let index = 0; index < count; index++) {
    let clientTime;
    let bareTime;
    // Not simply every other call: the detail ids alternate between small and long templates.
    if ((index + Math.floor(index / 3)) % 2 === 0) {
      clientTime = await time(() => clientCall(index));
      bareTime = await time(() => bareCall(index));
    } else {
      bareTime = await time(() => bareCall(index));
      clientTime = await time(() => clientCall(index));
    }
    clientTimes.push(clientTime);
    bareTimes.push(bareTime);
    ratios.push(clientTime / bareTime);
  }
  return { client: median(clientTimes), bare: median(bareTimes), ratio: median(ratios) };
}

async function sequence(ids, call) {
  for (const id of ids) {
    await call(id);
  }
}
