// What the account feature shares on purpose: the dialog of the user menu.
export { ChangePasswordDialog } from './change-password-dialog';
