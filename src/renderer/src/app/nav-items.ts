export const NAV_ITEMS = [
  { href: '/', label: 'Dashboard', icon: '◧' },
  { href: '/rooms', label: 'Rooms', icon: '#' },
  { href: '/categories', label: 'Categories', icon: '▤' },
  { href: '/addins', label: 'Add-ins', icon: '◆' },
  { href: '/groups', label: 'Groups', icon: '◎' },
  { href: '/users', label: 'Users & Policies', icon: '☺' },
  { href: '/compliance', label: 'Compliance', icon: '⚖' },
  { href: '/server', label: 'Server', icon: '⚙' },
  { href: '/logs', label: 'Logs', icon: '≡' },
] as const;
