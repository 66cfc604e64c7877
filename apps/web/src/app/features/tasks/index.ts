// What the tasks feature shares on purpose: the to-do of the home page.
export { TodoListCard } from './todo-list';
