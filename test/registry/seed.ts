// The sample fleet: the templates of the registry API page plus a small macOS CI fleet.
import type { SeedApiKey, SeedTemplate } from './model';
import { blocks, chainTemplate, fileName, sshRule, version } from './seedBuilders';

function unix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function monterey124(): SeedTemplate {
  const t = { id: 'c12ccfa5-8757-411e-9505-128190e9854e', name: '12.4' };
  const base = '113eb088112f4b0c9d28197590058301.ank';
  const brew = 'c92b6575b4ed40bb825ad6e0903519dc.ank';
  const common = { description: '', stateFiles: [], stateFile: '' };
  return {
    ...t,
    arch: 'amd64',
    fileSizes: { [base]: 19490295808, [brew]: 3216396288 },
    versions: [
      version(t, { ...common, number: 0, tag: 'vanilla', images: [base] }, { rules: 'absent' }),
      version(t, { ...common, number: 1, tag: 'vanilla+port-forward-22', images: [base] }, {
        rules: [sshRule()],
      }),
      version(t, {
        ...common,
        number: 2,
        tag: 'vanilla+port-forward-22+brew-git',
        images: [brew, base],
      }, { rules: [sshRule()] }),
    ],
  };
}

function sequoia(): SeedTemplate {
  const t = { id: '2db3814c-2913-42b9-ae42-c33f1e6124d4', name: 'sequoia' };
  const base = '3b1d13f4a360444788a046ac98d7925d.ank';
  const setup = 'b16512b62a07485e853e6c67426094c0.ank';
  const java = '808ed9baffd04a888e157de653a9fd7a.ank';
  const suspended = '16b5fd251f724d699df853e7718d750a.ank';
  const sshState = '27a1c0f5c902420395ca32db43aa97be.ank';
  const pushed = 1741354557;
  return {
    ...t,
    arch: 'arm64',
    fileSizes: {
      [base]: 24696061952,
      [setup]: 2237661184,
      [java]: 1283457024,
      [suspended]: 4194816,
      [sshState]: 4100,
    },
    versions: [
      version(t, {
        number: 0, tag: 'suspended', description: '', images: [setup, base],
        stateFiles: [suspended], stateFile: suspended,
        lastPull: pushed, lastPush: pushed, creationDate: 1736162801,
      }, { ram: '8G' }),
      version(t, {
        number: 1, tag: 'ssh', description: '', images: [setup, base],
        stateFiles: [sshState, suspended], stateFile: sshState,
        lastPull: pushed, lastPush: pushed, creationDate: 1739188070,
      }, { ram: '8G', rules: [sshRule()] }),
      version(t, {
        number: 2, tag: 'java17', description: '', images: [java, setup, base],
        stateFiles: [], stateFile: '',
        lastPull: 1742211405, lastPush: pushed, creationDate: 1739189692,
      }, { ram: '12G', cores: 6, rules: [sshRule()] }),
    ],
  };
}

function monterey1210(): SeedTemplate {
  const t = { id: '0e1660cb-632f-4748-8a0d-ce82ae6bcd25', name: '12.1.0' };
  const base = '7180b240cfc8434299212b8fc06c3f04.ank';
  return {
    ...t,
    arch: 'amd64',
    fileSizes: { [base]: 19425398784 },
    versions: [
      version(t, {
        number: 0, tag: 'vanilla+addons', description: '', images: [base],
        stateFiles: [], stateFile: '',
      }, { rules: null }),
    ],
  };
}

/** Last pulled a year ago; its latest config is the one the API page shows. */
function appiumBase(): SeedTemplate {
  const t = { id: '2fa0f10e-e91e-4665-8d42-00a39b9707de', name: 'appium-base' };
  const base = fileName(`${t.id}/layer/vanilla`);
  const appium = '239bb374545141ceb481d495ec01683e.ank';
  const state = '668e52df4d454f0fbc14cc69a15c5006.ank';
  const config = { ram: '2G', cores: 2, rules: [sshRule('ssh1')], mac: '56:45:45:3c:db:02' };
  return {
    ...t,
    arch: 'amd64',
    fileSizes: { [base]: blocks(18.6), [appium]: blocks(4.2), [state]: blocks(2.1) },
    versions: [
      version(t, {
        number: 0, tag: 'vanilla', description: 'macOS 13.6 with Xcode command line tools',
        images: [base], stateFiles: [], stateFile: '',
        creationDate: unix('2025-10-20T09:30:00Z'), lastPush: unix('2025-10-20T09:30:00Z'),
      }, config),
      version(t, {
        number: 1, tag: 'appium_2.11+xcode-15.4', description: 'Appium 2.11 and Xcode 15.4',
        images: [appium, base], stateFiles: [], stateFile: '',
        creationDate: unix('2025-11-03T14:05:00Z'), lastPull: unix('2025-11-20T08:00:00Z'),
        lastPush: unix('2025-11-03T14:05:00Z'),
      }, config),
      version(t, {
        number: 2, tag: 'suspended', description: 'Booted and suspended for fast starts',
        images: [appium, base], stateFiles: [state], stateFile: state,
        creationDate: 1764321164, lastPull: 1764693610, lastPush: 1764321164,
      }, config),
    ],
  };
}

function monterey124Gitlab(): SeedTemplate {
  const identity = { id: '5d1b40b9-7e68-4807-a290-c59c66e926b4', name: '12.4-gitlab' };
  return chainTemplate({ ...identity, arch: 'amd64' }, [
    { tag: 'vanilla', layerGiB: 18.2, created: unix('2025-02-11T10:00:00Z'),
      description: 'macOS 12.4 base', config: { mode: 'bridged', rules: 'absent' } },
    { tag: 'gitlab-runner-16.11', layerGiB: 0.4, created: unix('2025-04-02T12:30:00Z'),
      lastPull: unix('2026-11-30T06:12:00Z'), description: 'GitLab Runner 16.11',
      config: { mode: 'bridged', rules: 'absent' } },
  ]);
}

function monterey124OpenJdk(): SeedTemplate {
  const identity = { id: 'b6e96ed0-6d0f-4152-a97c-944553b3c35b', name: '12.4-openjdk-11.0.14.1' };
  return chainTemplate({ ...identity, arch: 'amd64' }, [
    { tag: 'openjdk-11.0.14.1', layerGiB: 18.9, created: unix('2025-03-14T16:20:00Z'),
      description: 'Temurin OpenJDK 11.0.14.1', config: { rules: null }, nullStateFiles: true },
  ]);
}

function monterey124Jenkins(): SeedTemplate {
  const identity = {
    id: 'c0847bc9-5d2d-4dbc-ba6a-240f7ff08032',
    name: '12.4-openjdk-11.0.14.1-jenkins',
  };
  return chainTemplate({ ...identity, arch: 'amd64' }, [
    { tag: 'jenkins-agent', layerGiB: 19.1, created: unix('2025-03-15T09:00:00Z'),
      description: 'Jenkins inbound agent', config: { rules: null } },
    { tag: 'jenkins-agent+swarm_3.47', layerGiB: 0.2, created: unix('2025-06-30T11:45:00Z'),
      lastPull: unix('2026-12-01T22:10:00Z'), description: 'Adds the Swarm client 3.47',
      config: { rules: [sshRule('ssh', 2222)] } },
  ]);
}

function sonomaXcode154(): SeedTemplate {
  const identity = { id: 'd0ed6f76-28c7-48c8-9d4c-57c8d000cd67', name: 'sonoma-xcode-15.4' };
  return chainTemplate({ ...identity, arch: 'arm64' }, [
    { tag: 'vanilla', layerGiB: 15.3, created: unix('2025-07-01T08:00:00Z'),
      description: 'macOS 14.6 Sonoma, SIP on', config: { mode: 'vnet' } },
    { tag: 'xcode-15.4', layerGiB: 7.4, created: unix('2025-07-02T13:10:00Z'),
      description: 'Xcode 15.4 with iOS 17.5 runtime', config: { mode: 'vnet', ram: '8G' } },
    { tag: 'xcode-15.4+cocoapods-1.15.2', layerGiB: 0.3, created: unix('2025-08-19T10:00:00Z'),
      description: 'CocoaPods 1.15.2', config: { mode: 'vnet', ram: '8G' } },
    { tag: 'xcode-15.4+fastlane_2.225', layerGiB: 0.4, created: unix('2026-02-05T15:30:00Z'),
      lastPull: unix('2026-12-03T18:22:05Z'), description: 'fastlane 2.225 and ssh',
      config: { mode: 'vnet', ram: '8G', rules: [sshRule()] } },
  ]);
}

/** Many tags on one chain, so long tag lists get exercised. */
function sequoiaXcode162(): SeedTemplate {
  const identity = { id: '8253dc12-ba5f-44d5-b5ce-b57287d25535', name: 'sequoia-xcode-16.2' };
  const ci = { ram: '16G', cores: 8 };
  return chainTemplate({ ...identity, arch: 'arm64' }, [
    { tag: 'vanilla', layerGiB: 14, created: unix('2026-01-08T10:00:00Z'),
      description: 'macOS 15.2 Sequoia' },
    { tag: 'brew-4.4', layerGiB: 0.6, created: unix('2026-01-09T09:15:00Z'),
      description: 'Homebrew 4.4 and git' },
    { tag: 'xcode-16.2', layerGiB: 7.2, created: unix('2026-01-12T17:40:00Z'),
      description: 'Xcode 16.2', config: { ram: '8G' } },
    { tag: 'xcode-16.2+ios-18.2_sim', layerGiB: 2.4, created: unix('2026-01-13T08:05:00Z'),
      description: 'iOS 18.2 simulator runtime', config: { ram: '8G' } },
    { tag: 'ruby-3.3.6', layerGiB: 0.35, created: unix('2026-02-20T11:00:00Z'),
      description: 'Ruby 3.3.6 via rbenv', config: { ram: '8G' } },
    { tag: 'cocoapods-1.16.2', layerGiB: 0.15, created: unix('2026-03-10T08:00:00Z'),
      description: 'CocoaPods 1.16.2', config: { ram: '8G' } },
    { tag: 'fastlane_2.226.0', layerGiB: 0.3, created: unix('2026-04-22T14:25:00Z'),
      description: 'fastlane 2.226.0', config: { ram: '8G' } },
    { tag: 'node-22.12', layerGiB: 0.25, created: unix('2026-06-01T09:00:00Z'),
      description: 'Node.js 22.12 LTS', config: { ram: '8G' } },
    { tag: 'openjdk-17.0.13', layerGiB: 0.4, created: unix('2026-07-15T16:00:00Z'),
      description: 'Temurin 17.0.13', config: { ram: '8G' } },
    { tag: 'ci-agent+gitlab-runner-17.7', layerGiB: 0.2, created: unix('2026-09-15T10:00:00Z'),
      description: 'GitLab Runner 17.7, more RAM and cores', config: ci },
    { tag: 'ci-agent+gitlab-runner-17.7+ssh', layerGiB: 0.05,
      created: unix('2026-10-02T07:30:00Z'), description: 'Remote login on port 22',
      config: { ...ci, rules: [sshRule(), sshRule('vnc', 5900)] } },
    { tag: 'nightly_2026.12.03', layerGiB: 0.5, stateGiB: 2, created: unix('2026-12-03T02:00:00Z'),
      lastPull: unix('2026-12-04T07:41:19Z'), description: 'Nightly, suspended after boot',
      config: { ...ci, rules: [sshRule()] } },
  ]);
}

function tahoeXcode261(): SeedTemplate {
  const identity = { id: 'c761075b-5d5a-486a-8222-ca2652d056ba', name: 'tahoe-xcode-26.1' };
  return chainTemplate({ ...identity, arch: 'arm64', versionArch: 'arm64' }, [
    { tag: 'vanilla-26.1', layerGiB: 16.8, created: unix('2026-11-10T12:00:00Z'),
      description: 'macOS 26.1 Tahoe', config: { ram: '8G', width: 1920, height: 1080 } },
    { tag: 'xcode-26.1+ios-26.1_sim', layerGiB: 11.2, created: unix('2026-11-12T09:45:00Z'),
      lastPull: unix('2026-12-04T06:58:00Z'), description: 'Xcode 26.1 and iOS 26.1 runtime',
      config: { ram: '12G', cores: 6, width: 1920, height: 1080 } },
  ]);
}

/** Fresh deep copies of the sample fleet on every call. */
export function sampleTemplates(): SeedTemplate[] {
  return [
    monterey124(),
    sequoia(),
    monterey1210(),
    appiumBase(),
    monterey124Gitlab(),
    monterey124OpenJdk(),
    monterey124Jenkins(),
    sonomaXcode154(),
    sequoiaXcode162(),
    tahoeXcode261(),
  ];
}

export function sampleApiKeys(): SeedApiKey[] {
  return [
    { id: 'ci-bot', groups: ['ci'], createdAt: new Date('2026-11-20T08:00:00Z'),
      ttlSeconds: 365 * 86400 },
    { id: 'developer1', groups: ['developers', 'testgroup'],
      createdAt: new Date('2026-12-01T14:35:08Z'), ttlSeconds: 30 * 86400 },
  ];
}

export function cloneTemplates(templates: readonly SeedTemplate[]): SeedTemplate[] {
  return structuredClone([...templates]);
}
