// Where a printer may live. A printer's host is a host name or an IP address in its one canonical spelling; a port,
// a scheme or a path inside it is a pasted URL, and addresses no printer has (link-local such as the cloud metadata
// service 169.254.169.254, unspecified, broadcast, multicast) are refused. A site narrows it further with
// PRINTER_NETWORKS; loopback is always allowed so tests and a local fake printer work. Host names are checked again
// when they are resolved, at every connection (see src/printing/connection.ts), so DNS cannot move a printer to a
// refused address later.
import net from 'node:net'
import type { FieldIssue } from '../errors.ts'

/** Checks hosts and resolved addresses against the fixed rules and the site's networks. */
export interface HostRules {
  /** The problem with `host` as a printer's host (a name or an IP literal), or undefined when it is allowed. */
  checkHost (host: string, path: string): FieldIssue | undefined
  /** The problem with a resolved IP address, or undefined when a printer may live there. */
  checkAddress (address: string, path: string): FieldIssue | undefined
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
/** A last label that URL parsers and inet_aton read as (part of) an IPv4 address: 127.1, 2130706433, 0x7f000001. */
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|[0-9]+)$/i
const CANONICAL_IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/

/** Address ranges no printer has, with the rule each breaks. */
const REFUSED: readonly { cidr: string, rule: string, what: string }[] = [
  { cidr: '0.0.0.0/8', rule: 'unspecified', what: 'an unspecified ("this network") address' },
  { cidr: '169.254.0.0/16', rule: 'link_local', what: 'a link-local address (169.254.0.0/16, where cloud metadata services answer)' },
  { cidr: '224.0.0.0/4', rule: 'multicast', what: 'a multicast address' },
  { cidr: '255.255.255.255/32', rule: 'broadcast', what: 'the broadcast address' },
  { cidr: '::/128', rule: 'unspecified', what: 'the unspecified address' },
  { cidr: 'fe80::/10', rule: 'link_local', what: 'a link-local address (fe80::/10)' },
  { cidr: 'ff00::/8', rule: 'multicast', what: 'a multicast address' }
]

const LOOPBACK = ['127.0.0.0/8', '::1/128']

/** Splits `a.b.c.d/n` or `x::y/n`; undefined when it is not a CIDR block in canonical address form. */
export function parseCidr (text: string): { address: string, prefix: number, family: 'ipv4' | 'ipv6' } | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text.trim())
  if (match === null) return undefined
  const address = match[1] as string
  const prefix = Number(match[2])
  const family = CANONICAL_IPV4.test(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined
  if (family === undefined || prefix > (family === 'ipv4' ? 32 : 128)) return undefined
  return { address, prefix, family }
}

function blockList (cidrs: readonly string[]): net.BlockList {
  const list = new net.BlockList()
  for (const text of cidrs) {
    const cidr = parseCidr(text)
    if (cidr === undefined) throw new Error(`not a CIDR block: ${text}`)
    list.addSubnet(cidr.address, cidr.prefix, cidr.family)
  }
  return list
}

function familyOf (address: string): 'ipv4' | 'ipv6' {
  return net.isIPv4(address) ? 'ipv4' : 'ipv6'
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:169.254.169.254), which connects to that IPv4 host. */
function mappedIpv4 (address: string): string | undefined {
  const match = /^::ffff:(?:0:)?([0-9.]+)$/i.exec(address)
  if (match !== null && net.isIPv4(match[1] as string)) return match[1]
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (hex === null) return undefined
  const high = parseInt(hex[1] as string, 16)
  const low = parseInt(hex[2] as string, 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/** Rules for `networks` (CIDR blocks; empty: any address the fixed rules allow). Throws on a malformed block. */
export function createHostRules (networks: readonly string[] = []): HostRules {
  const refused = REFUSED.map((r) => ({ ...r, list: blockList([r.cidr]) }))
  const loopback = blockList(LOOPBACK)
  const allowed = networks.length === 0 ? undefined : blockList(networks)
  const issue = (path: string, rule: string, message: string): FieldIssue => ({ path, rule, message })

  function checkAddress (given: string, path: string): FieldIssue | undefined {
    const address = mappedIpv4(given) ?? given
    const family = familyOf(address)
    for (const r of refused) {
      if (r.list.check(address, family)) return issue(path, r.rule, `${given} is ${r.what}; no printer lives there`)
    }
    if (allowed === undefined || loopback.check(address, family) || allowed.check(address, family)) return undefined
    return issue(path, 'printer_networks', `${given} is outside the networks printers may be on (PRINTER_NETWORKS=${networks.join(',')})`)
  }

  function checkHost (host: string, path: string): FieldIssue | undefined {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host) || host.includes('/')) {
      return issue(path, 'scheme_in_host', `"${host}" is a URL; give only the printer's host name or IP address (and the port in port)`)
    }
    if (host.startsWith('[') || (host.includes(':') && !net.isIPv6(host))) {
      return issue(path, 'port_in_host', `"${host}" is not a host name or IP address; give the port in port, not in host, and an IPv6 address without brackets`)
    }
    if (net.isIPv6(host)) {
      if (host.includes('%')) return issue(path, 'zone_in_host', `"${host}" names an interface zone; give a global or unique-local IPv6 address`)
      return checkAddress(host, path)
    }
    if (CANONICAL_IPV4.test(host)) return checkAddress(host, path)
    const labels = host.endsWith('.') ? host.slice(0, -1).split('.') : host.split('.')
    if (NUMERIC_LABEL.test(labels[labels.length - 1] ?? '')) {
      return issue(path, 'ipv4_canonical', `"${host}" is not an IPv4 address in canonical form; write four decimal numbers without leading zeros, such as 192.168.1.20`)
    }
    if (host.length > 253 || !labels.every((l) => LABEL.test(l))) {
      return issue(path, 'hostname', `"${host}" is not a host name: letters, digits and hyphens in dot-separated labels of up to 63 characters`)
    }
    return undefined
  }

  return { checkHost, checkAddress }
}
