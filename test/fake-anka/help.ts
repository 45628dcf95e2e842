// What the stand-in says to `--version` and `--help`: a 3.x CLI.

export const VERSION = { product: 'Anka (test stand-in)', version: '3.5.3', build: '215' };

export const USAGE = `usage: anka [-j] [--debug] <command>

commands:
  version                  Show the version
  list                     List the VMs on this Mac
  clone                    Copy a VM under a new name
  pull                     Pull a VM template from a registry
  registry                 Work with template registries
`;

export const PULL_HELP = `usage: pull [options] vmid [remote]

   Pull a VM template from a registry

arguments:
  vmid                     VM template to pull
  remote                   Registry name or URL

options:
  -t,--tag <val>           The tag to pull (the newest when left out)
  -l,--local               Make a local tag current
  --fetch-only             Download without making the tag current
  -s,--shrink              Remove the template's other local tags
  --check-download-size    Report the size to download and stop
  -q,--quiet               No progress
`;

export const REGISTRY_HELP = `usage: registry [options] <command>

   Work with template registries

options:
  -r,--remote <val>        The registry, by name or URL
  --insecure               Skip TLS verification
  --cert <val>             Client certificate
  --key <val>              Private key of the client certificate
  --cacert <val>           CA certificates
  --api-key-id <val>       API key id
  --api-key <val>          API key (PEM file or text)
  --list                   List the configured registries

commands:
  list-repos               List configured registries
  add                      Add a registry
  set                      Set the default registry
  list                     List the registry's templates
  pull                     Pull a template
  push                     Push a VM
`;
