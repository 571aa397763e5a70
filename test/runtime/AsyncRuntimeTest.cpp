//===- AsyncRuntimeTest.cpp - The async runtime compiled code calls -------===//
//
/// Drives runtime/cpu/AsyncRuntime.cpp through its C API the way
/// `async-parallel-for`'s lowering does: tasks that complete tokens, a group
/// awaited by the caller, errors reported through the group, and the
/// reference counts the lowering's ref-counting pass relies on.
//
//===----------------------------------------------------------------------===//

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <vector>

// The C API, with its objects as opaque pointers.
extern "C" {
void mlirAsyncRuntimeDropRef(void *object, int64_t count);
void *mlirAsyncRuntimeCreateToken();
void *mlirAsyncRuntimeCreateGroup(int64_t size);
int64_t mlirAsyncRuntimeAddTokenToGroup(void *token, void *group);
void mlirAsyncRuntimeEmplaceToken(void *token);
void mlirAsyncRuntimeSetTokenError(void *token);
bool mlirAsyncRuntimeIsTokenError(void *token);
bool mlirAsyncRuntimeIsGroupError(void *group);
void mlirAsyncRuntimeAwaitToken(void *token);
void mlirAsyncRuntimeAwaitAllInGroup(void *group);
void mlirAsyncRuntimeExecute(void *handle, void (*resume)(void *));
void mlirAsyncRuntimeAwaitAllInGroupAndExecute(void *group, void *handle,
                                               void (*resume)(void *));
int64_t mlirAsyncRuntimGetNumWorkerThreads();
}

namespace {

/// What one task of the test does: count itself, then complete its token.
struct Task {
  std::atomic<int> *counter;
  void *token;
  bool fail;
};

void runTask(void *handle) {
  auto *task = static_cast<Task *>(handle);
  task->counter->fetch_add(1);
  if (task->fail)
    mlirAsyncRuntimeSetTokenError(task->token);
  else
    mlirAsyncRuntimeEmplaceToken(task->token);
}

/// Runs `count` tasks on the workers, the last failing if `failLast`, and
/// returns the group after awaiting it (the caller drops it).
void *runGroup(std::atomic<int> &counter, std::vector<Task> &tasks,
               bool failLast) {
  void *group = mlirAsyncRuntimeCreateGroup(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    void *token = mlirAsyncRuntimeCreateToken();
    tasks[i] = {&counter, token, failLast && i + 1 == tasks.size()};
    EXPECT_EQ(mlirAsyncRuntimeAddTokenToGroup(token, group),
              static_cast<int64_t>(i));
    mlirAsyncRuntimeExecute(&tasks[i], runTask);
  }
  mlirAsyncRuntimeAwaitAllInGroup(group);
  return group;
}

TEST(AsyncRuntimeTest, GroupWaitsForEveryTask) {
  ASSERT_GE(mlirAsyncRuntimGetNumWorkerThreads(), 1);
  std::atomic<int> counter = 0;
  std::vector<Task> tasks(64);
  void *group = runGroup(counter, tasks, /*failLast=*/false);
  EXPECT_EQ(counter.load(), 64);
  EXPECT_FALSE(mlirAsyncRuntimeIsGroupError(group));
  for (Task &task : tasks) {
    mlirAsyncRuntimeAwaitToken(task.token);
    EXPECT_FALSE(mlirAsyncRuntimeIsTokenError(task.token));
    mlirAsyncRuntimeDropRef(task.token, 1);
  }
  mlirAsyncRuntimeDropRef(group, 1);
}

TEST(AsyncRuntimeTest, AFailedTaskFailsItsGroup) {
  std::atomic<int> counter = 0;
  std::vector<Task> tasks(8);
  void *group = runGroup(counter, tasks, /*failLast=*/true);
  EXPECT_EQ(counter.load(), 8);
  EXPECT_TRUE(mlirAsyncRuntimeIsGroupError(group));
  EXPECT_TRUE(mlirAsyncRuntimeIsTokenError(tasks.back().token));
  for (Task &task : tasks)
    mlirAsyncRuntimeDropRef(task.token, 1);
  mlirAsyncRuntimeDropRef(group, 1);
}

TEST(AsyncRuntimeTest, ContinuationRunsOnceTheGroupIsReady) {
  void *group = mlirAsyncRuntimeCreateGroup(1);
  void *token = mlirAsyncRuntimeCreateToken();
  mlirAsyncRuntimeAddTokenToGroup(token, group);
  std::atomic<int> continued = 0;
  mlirAsyncRuntimeAwaitAllInGroupAndExecute(
      group, &continued,
      [](void *handle) { static_cast<std::atomic<int> *>(handle)->store(1); });
  EXPECT_EQ(continued.load(), 0);
  mlirAsyncRuntimeEmplaceToken(token);
  EXPECT_EQ(continued.load(), 1);
  mlirAsyncRuntimeDropRef(token, 1);
  mlirAsyncRuntimeDropRef(group, 1);
}

} // namespace
