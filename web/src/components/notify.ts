// Shows a notification from code that is part of the app's first render (the update notice,
// the language menu), without putting Mantine's notifications (the container, its transitions)
// into the first page's scripts: they load when first needed, and the container (App.tsx) once
// the first page is up. A notification shown before the container is there waits in the store.
import type { NotificationData } from '@mantine/notifications';

export function showNotification(notification: NotificationData): void {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(notification));
}
