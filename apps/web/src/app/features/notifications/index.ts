export { NotificationBell } from './notification-bell';
export { NotificationsApi } from './notifications-api';
