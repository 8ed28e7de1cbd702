import { describe, expect, it } from 'vitest'
import { addressKey } from '../../server/boardCreations.js'

describe('whose bucket a board made counts in', () => {
  it('counts an IPv4 address alone, however it is written, and an IPv6 one by its /64 network', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1')
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64')
    expect(addressKey('2001:db8:aa:bb::99')).toBe('2001:db8:aa:bb::/64')
    expect(addressKey('2001:0DB8:00aa:bb:ffff::')).toBe('2001:db8:aa:bb::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })
})
