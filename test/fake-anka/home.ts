// The stand-in CLI's view of "this Mac": local VMs, configured registries, running transfers.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface LocalVm {
  uuid: string;
  name: string;
  status: 'stopped' | 'running' | 'suspended';
  /** Tags present on this Mac; the last one is the current one. */
  tags: string[];
  /** Bytes a push of this VM uploads. */
  sizeBytes: number;
  creationDate: string;
}

export interface RegistryConfig {
  default?: string;
  registries: Record<string, string>;
}

/** Two VMs built on this Mac and never pushed, so a fresh home has something to push. */
function defaultVms(): LocalVm[] {
  return [
    {
      uuid: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
      name: 'ci-runner-sequoia',
      status: 'stopped',
      tags: [],
      sizeBytes: 3 * 1024 ** 3,
      creationDate: '2026-12-01T09:00:00Z',
    },
    {
      uuid: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
      name: 'xcode-16-sandbox',
      status: 'stopped',
      tags: [],
      sizeBytes: 2 * 1024 ** 3,
      creationDate: '2026-12-02T15:30:00Z',
    },
  ];
}

export class Home {
  readonly dir: string;

  constructor(dir: string | undefined) {
    this.dir = dir ?? path.join(os.tmpdir(), `fake-anka-home-${os.userInfo().uid}`);
  }

  vms(): LocalVm[] {
    return this.readJson<LocalVm[]>('vms.json') ?? defaultVms();
  }

  saveVms(vms: LocalVm[]): void {
    this.writeJson('vms.json', vms);
  }

  findVm(nameOrUuid: string): LocalVm | undefined {
    return this.vms().find((vm) => vm.uuid === nameOrUuid || vm.name === nameOrUuid);
  }

  /** Replaces the VM with the same uuid, or adds it. */
  putVm(vm: LocalVm): void {
    const vms = this.vms().filter((other) => other.uuid !== vm.uuid);
    this.saveVms([...vms, vm]);
  }

  registries(): RegistryConfig {
    return this.readJson<RegistryConfig>('registries.json') ?? { registries: {} };
  }

  saveRegistries(config: RegistryConfig): void {
    this.writeJson('registries.json', config);
  }

  /** Notes this process (and its helper child) so tests can check that a cancel ended them. */
  recordRunning(command: string, childPid: number | undefined): () => void {
    mkdirSync(path.join(this.dir, 'running'), { recursive: true });
    const file = path.join(this.dir, 'running', `${process.pid}.json`);
    const record = { pid: process.pid, childPid, command, started: new Date().toISOString() };
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    return () => rmSync(file, { force: true });
  }

  private readJson<T>(name: string): T | undefined {
    try {
      return JSON.parse(readFileSync(path.join(this.dir, name), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Notes the command line, for tests; only in a home they chose (FAKE_ANKA_HOME). */
  recordArgs(argv: string[]): void {
    this.writeJson('last-args.json', argv);
  }

  private writeJson(name: string, value: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(path.join(this.dir, name), `${JSON.stringify(value, null, 2)}\n`);
  }
}
