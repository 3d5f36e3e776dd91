// The cluster: members with their state, roles and heartbeats, the leader and its epoch, and the latest leadership
// terms, kept live from api/v1/cluster/$stream (a frame whenever the membership or the leadership changes).
import { ApiError, get, stream } from '../api.js';
import { ago, badge, empty, errorBox, facts, h, loading, mount, pageHeader, table } from '../dom.js';

const STATE_KIND = { ALIVE: 'completed', DEAD: 'failed', LEFT: 'canceled' };

export default {
  render(root, ctx) {
    const header = pageHeader('Cluster', 'The instances sharing this database, the leader and its epoch.');
    const body = h('div', {}, loading('Loading the cluster'));
    mount(root, header, body);

    function show(view) {
      header.markUpdated('live');
      const leader = view.leader;
      mount(body,
        h('section', { class: 'card', 'aria-label': 'leadership' },
          h('h2', {}, 'Leader'),
          facts([
            ['Leader', leader ? h('code', { 'data-leader': leader.leader_id }, leader.leader_id) : 'none yet'],
            ['Epoch', String(view.epoch)],
            ['Since', leader ? ago(leader.acquired_at) : '—'],
            ['Answered by', h('code', {}, view.instance_id)],
          ])),
        h('section', { class: 'card', 'aria-label': 'members' },
          h('h2', {}, 'Members'),
          view.members.length
            ? table([
              { label: 'Instance', cell: (m) => [h('code', {}, m.instance_id), m.instance_id === leader?.leader_id ? [' ', badge('leader', 'tag')] : null] },
              { label: 'State', cell: (m) => badge(m.state, STATE_KIND[m.state] ?? m.state) },
              { label: 'Roles', cell: (m) => m.roles.join(', ') || '—' },
              { label: 'Address', cell: (m) => `${m.host}:${m.port}` },
              { label: 'Version', cell: (m) => m.version },
              { label: 'Started', cell: (m) => ago(m.started_at) },
              { label: 'Last heartbeat', cell: (m) => ago(m.last_heartbeat) },
            ], view.members, { rowAttrs: (m) => ({ 'data-member': m.instance_id, 'data-state': m.state }) })
            : empty('No members registered.')),
        h('section', { class: 'card', 'aria-label': 'leadership history' },
          h('h2', {}, 'Leadership terms'),
          view.leadership_history.length
            ? table([
              { label: 'Epoch', cell: (t) => String(t.epoch) },
              { label: 'Leader', cell: (t) => h('code', {}, t.leader_id) },
              { label: 'Acquired', cell: (t) => ago(t.acquired_at) },
              { label: 'Released', cell: (t) => (t.released_at ? ago(t.released_at) : 'leading or died leading') },
            ], view.leadership_history, { caption: 'Latest terms, newest first', rowAttrs: (t) => ({ 'data-epoch': t.epoch }) })
            : empty('No leader has been elected yet.')));
    }

    (async () => {
      try {
        show(await get('api/v1/cluster', null, { signal: ctx.signal }));
      } catch (error) {
        if (error.name === 'AbortError') return;
        if (error instanceof ApiError && error.status === 404) {
          mount(body, empty('This service runs without cluster mode: one instance, no leader. Set chapkit.cluster.enabled=true on every instance sharing the database to see them here.'));
          body.dataset.clusterOff = '';
          return;
        }
        mount(body, errorBox(error, () => this.render(root, ctx)));
        return;
      }
      stream('api/v1/cluster/$stream', { poll_interval: 1 }, show, ctx.signal).catch(() => header.markUpdated('stream ended'));
    })();
  },
};
