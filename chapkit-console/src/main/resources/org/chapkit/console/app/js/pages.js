// The console's pages, in menu order. A page is one module in pages/ whose default export is
// { render(root, ctx) } returning an optional cleanup function; adding a page is that file plus one line here.
export const pages = [
  { path: 'overview', title: 'Overview', load: () => import('./pages/overview.js') },
  { path: 'jobs', title: 'Jobs', load: () => import('./pages/jobs.js') },
  { path: 'tasks', title: 'Tasks', load: () => import('./pages/tasks.js') },
  { path: 'schedules', title: 'Schedules', load: () => import('./pages/schedules.js') },
  { path: 'configs', title: 'Configs', load: () => import('./pages/configs.js') },
  { path: 'artifacts', title: 'Artifacts', load: () => import('./pages/artifacts.js') },
  { path: 'models', title: 'Models', load: () => import('./pages/models.js') },
  { path: 'registry', title: 'Registry', load: () => import('./pages/registry.js') },
  { path: 'train', title: 'Train / predict', load: () => import('./pages/train.js') },
  { path: 'cluster', title: 'Cluster', load: () => import('./pages/cluster.js') },
  { path: 'metrics', title: 'Metrics', load: () => import('./pages/metrics.js') },
];
