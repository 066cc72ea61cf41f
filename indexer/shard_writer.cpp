#include "indexer/shard_writer.hpp"

#include <utility>

namespace newssearch::indexer {

ShardWriter::ShardWriter(std::unique_ptr<IndexWriter> writer, std::size_t queue_capacity)
    : writer_(std::move(writer)), capacity_(queue_capacity) {
    if (capacity_ > 0) thread_ = std::thread([this] { run(); });
}

ShardWriter::~ShardWriter() {
    if (!thread_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    thread_.join();
}

void ShardWriter::post(Operation operation) {
    if (capacity_ == 0) return operation(*writer_);
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return error_ || queue_.size() < capacity_; });
        if (error_) std::rethrow_exception(error_);
        queue_.push_back(std::move(operation));
    }
    changed_.notify_all();
}

IndexWriter& ShardWriter::idle() {
    if (capacity_ == 0) return *writer_;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return error_ || (queue_.empty() && !running_operation_); });
    if (error_) std::rethrow_exception(error_);
    return *writer_;
}

void ShardWriter::run() {
    for (;;) {
        Operation operation;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            operation = std::move(queue_.front());
            queue_.pop_front();
            running_operation_ = true;
        }
        changed_.notify_all(); // room in the queue
        std::exception_ptr error;
        try {
            operation(*writer_);
        } catch (...) {
            error = std::current_exception();
        }
        operation = nullptr; // its captures (a prepared article) go now, not at the next wait
        {
            const std::lock_guard lock(mutex_);
            running_operation_ = false;
            if (error) {
                // The writer's batch is in an unknown state: take nothing more, let the destructor
                // cancel the batch.
                error_ = error;
                queue_.clear();
            }
        }
        changed_.notify_all();
    }
}

} // namespace newssearch::indexer
