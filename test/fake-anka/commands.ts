// The stand-in CLI's commands: list, clone, pull (and its size check) and push.
import { randomUUID } from 'node:crypto';
import type { Home, LocalVm } from './home';
import type { Modes } from './modes';
import { CliFailure, EXIT, type Output } from './output';
import type { RegistryApi, RemoteTemplate, RemoteVersion } from './registryApi';
import { simulateTransfer, startHelperChild } from './transfer';

export interface Context {
  home: Home;
  modes: Modes;
  output: Output;
}

export function list(context: Context): void {
  const vms = context.home.vms().map((vm) => ({
    uuid: vm.uuid,
    name: vm.name,
    status: vm.status,
    version: vm.tags[vm.tags.length - 1],
    creation_date: vm.creationDate,
  }));
  context.output.ok(vms);
}

export function clone(context: Context, source: string, name: string): void {
  const vm = requireVm(context.home, source);
  if (context.home.findVm(name)) {
    throw new CliFailure(`VM ${name} already exists`, EXIT.nameTaken, 'VMExistsException');
  }
  const copy: LocalVm = {
    ...vm,
    uuid: randomUUID(),
    name,
    status: 'stopped',
    tags: [],
    creationDate: new Date().toISOString(),
  };
  context.home.putVm(copy);
  context.output.ok({ uuid: copy.uuid, name: copy.name }, `${name} cloned from ${vm.name}`);
}

export interface PullOptions {
  template: string;
  tag: string | undefined;
  shrink: boolean;
  checkOnly: boolean;
}

export async function pull(
  context: Context,
  api: RegistryApi,
  options: PullOptions,
): Promise<void> {
  const template = await api.findTemplate(options.template);
  if (!template) {
    throw notFound(`template ${options.template} not found in the registry ${api.url}`);
  }
  const version = pickVersion(template, options.tag);
  const local = context.home.findVm(template.id);
  const isLocal = local?.tags.includes(version.tag) ?? false;
  if (options.checkOnly) {
    if (isLocal) {
      context.output.ok({}, `${template.id}: available locally`);
    } else {
      const body = { size: version.size, cached: 0, available: context.modes.freeBytes };
      context.output.ok(body, `${template.name} (${version.tag}) needs ${version.size} bytes`);
    }
    return;
  }
  context.output.ok({ id: template.id, tag: version.tag }, `pulling ${template.name}`);
  context.output.progress(`Pulling ${template.name} (${version.tag}) from ${api.url}`);
  if (isLocal) {
    context.output.progress(`${template.name} (${version.tag}) is available locally`);
  } else {
    await transfer(context, `pull ${template.name}`, 'downloading', version.size);
  }
  const tags = options.shrink ? [version.tag] : without(local?.tags ?? [], version.tag);
  context.home.putVm({
    uuid: template.id,
    name: template.name,
    status: 'stopped',
    tags: options.shrink ? tags : [...tags, version.tag],
    sizeBytes: version.size,
    creationDate: local?.creationDate ?? new Date().toISOString(),
  });
  const body = { id: template.id, name: template.name, tag: version.tag, number: version.number };
  context.output.ok(body, `${template.name} (${version.tag}) pulled`);
}

export interface PushOptions {
  vm: string;
  tag: string | undefined;
  description: string;
  remoteTemplate: string | undefined;
  force: boolean;
}

export async function push(
  context: Context,
  api: RegistryApi,
  options: PushOptions,
): Promise<void> {
  const vm = requireVm(context.home, options.vm);
  if (!options.tag) {
    throw new CliFailure('the tag (-t) is mandatory', EXIT.error);
  }
  const target = await pushTarget(api, vm, options.remoteTemplate);
  if (target?.versions.some((v) => v.tag === options.tag) && !options.force) {
    throw new CliFailure(`tag ${options.tag} already exists in ${target.name}`, EXIT.error);
  }
  context.output.progress(`Pushing ${vm.name} as ${target?.name ?? vm.name} (${options.tag})`);
  await transfer(context, `push ${vm.name}`, 'uploading', vm.sizeBytes);
  const pushed = await api.recordPush({
    id: target?.id ?? vm.uuid,
    name: target?.name ?? vm.name,
    tag: options.tag,
    description: options.description,
    layerBytes: vm.sizeBytes,
  });
  context.home.putVm({ ...vm, tags: [...without(vm.tags, options.tag), options.tag] });
  context.output.ok(pushed, `${pushed.name} (${pushed.tag}) pushed`);
}

async function pushTarget(
  api: RegistryApi,
  vm: LocalVm,
  remoteTemplate: string | undefined,
): Promise<RemoteTemplate | undefined> {
  if (remoteTemplate !== undefined) {
    const target = await api.findTemplate(remoteTemplate);
    if (!target) {
      throw notFound(`template ${remoteTemplate} not found in the registry ${api.url}`);
    }
    return target;
  }
  const list = await api.listTemplates();
  if (list.some((t) => t.id === vm.uuid)) {
    return api.template(vm.uuid);
  }
  const sameName = list.find((t) => t.name === vm.name);
  if (sameName) {
    throw new CliFailure(
      `registry uuid ${sameName.id} doesn't match local uuid ${vm.uuid} of ${vm.name}`,
      EXIT.error,
      'RegistryException',
    );
  }
  return undefined;
}

async function transfer(
  context: Context,
  command: string,
  verb: 'downloading' | 'uploading',
  bytes: number,
): Promise<void> {
  const helper = context.modes.child ? startHelperChild() : undefined;
  const forget = context.home.recordRunning(command, helper?.pid);
  try {
    await simulateTransfer({ verb, bytes, modes: context.modes, output: context.output });
  } finally {
    helper?.stop();
    forget();
  }
}

function pickVersion(template: RemoteTemplate, tag: string | undefined): RemoteVersion {
  const versions = [...template.versions].sort((a, b) => a.number - b.number);
  const version =
    tag === undefined ? versions[versions.length - 1] : versions.find((v) => v.tag === tag);
  if (!version) {
    const where = template.name;
    throw notFound(tag === undefined ? `${where} has no tags` : `tag ${tag} not found in ${where}`);
  }
  return version;
}

function requireVm(home: Home, nameOrUuid: string): LocalVm {
  const vm = home.findVm(nameOrUuid);
  if (!vm) {
    throw notFound(`VM ${nameOrUuid} not found`);
  }
  return vm;
}

function notFound(message: string): CliFailure {
  return new CliFailure(message, EXIT.notFound, 'VMNotFoundException');
}

function without(tags: string[], tag: string): string[] {
  return tags.filter((other) => other !== tag);
}
