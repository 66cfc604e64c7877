import { DatePipe } from '@angular/common';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { CellDef, DataTable } from './data-table/data-table';
import { FrenchDatePipe } from './dates/french-date.pipe';
import { DialogForm } from './dialog/dialog-form';
import { DateField } from './forms/date-field';
import { FieldError } from './forms/field-error';
import { FormErrors } from './forms/form-errors';
import { FormFooter } from './forms/form-footer';
import { SelectField } from './forms/select-field';
import { TextField } from './forms/text-field';
import { SearchFilter } from './list-filters/search-filter';
import { SelectFilter, SelectFilters } from './list-filters/select-filter';
import { ListShell } from './list-shell/list-shell';
import { RecordHead } from './record-head/record-head';
import { RowMenu } from './row-menu/row-menu';
import { StatusBadge } from './status-badge/status-badge';

// What each kind of screen puts in its component's `imports`, once: a page adds only what is its own
// (`imports: [LIST_PAGE, CommunePicker]`). Angular accepts these arrays among the imports.

/**
 * A date field with its calendar: the standalone pieces, never `MatDatepickerModule`, whose own
 * `MatDatepickerIntl` would hide the French one of `provideFrenchMaterial()` (« Open calendar »).
 */
export const DATE_FIELD = [MatDatepicker, MatDatepickerInput, MatDatepickerToggle] as const;

/**
 * The fields of a reactive form: the kit's text, date and select fields, and for a field of its own
 * the Material form field and input with the error at the field.
 */
export const FORM_FIELDS = [
  DateField,
  FieldError,
  MatFormFieldModule,
  MatInputModule,
  ReactiveFormsModule,
  SelectField,
  TextField,
] as const;

/** A list page: the shell, its filters, the table, its cells and row menus, badges, links, dates, buttons. */
export const LIST_PAGE = [
  CellDef,
  DataTable,
  DatePipe,
  FrenchDatePipe,
  ListShell,
  MatButtonModule,
  MatIconModule,
  RouterLink,
  RowMenu,
  SearchFilter,
  SelectFilter,
  SelectFilters,
  StatusBadge,
] as const;

/** A detail page: its head, badges, cards, the messages of its actions, links, dates, buttons. */
export const RECORD_PAGE = [
  DatePipe,
  FormErrors,
  FrenchDatePipe,
  MatButtonModule,
  MatCardModule,
  MatIconModule,
  RecordHead,
  RouterLink,
  StatusBadge,
] as const;

/** A form page (create, edit): its head, the form's fields, its footer (summary, « Annuler », submit), links, buttons. */
export const FORM_PAGE = [
  FORM_FIELDS,
  FormErrors,
  FormFooter,
  MatButtonModule,
  MatIconModule,
  RecordHead,
  RouterLink,
] as const;

/** A form dialog: its frame (`form[uiDialogForm]`) and the form's fields. */
export const DIALOG_FORM = [DialogForm, FORM_FIELDS, MatDialogModule] as const;
